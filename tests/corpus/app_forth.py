class ForthError(Exception):
    pass


class StackUnderflow(ForthError):
    pass


class Forth(object):
    def __init__(self):
        self.stack = []
        self.words = {}
        self.out = []

    def pop(self):
        if not self.stack:
            raise StackUnderflow("stack underflow")
        return self.stack.pop()

    def push(self, v):
        self.stack.append(v)

    def run(self, line):
        tokens = line.lower().split()
        self.execute(tokens, 0)

    def execute(self, tokens, depth):
        if depth > 50:
            raise ForthError("recursion too deep")
        i = 0
        while i < len(tokens):
            t = tokens[i]
            i += 1
            if t == ":":
                if i >= len(tokens):
                    raise ForthError("missing word name")
                name = tokens[i]
                i += 1
                body = []
                while i < len(tokens) and tokens[i] != ";":
                    body.append(tokens[i])
                    i += 1
                if i >= len(tokens):
                    raise ForthError("unterminated definition of " + name)
                i += 1
                self.words[name] = body
            elif t in self.words:
                self.execute(self.words[t], depth + 1)
            elif t == "if":
                # if ... [else ...] then
                cond = self.pop()
                nest = 0
                j = i
                else_at = -1
                while j < len(tokens):
                    if tokens[j] == "if":
                        nest += 1
                    elif tokens[j] == "then":
                        if nest == 0:
                            break
                        nest -= 1
                    elif tokens[j] == "else" and nest == 0:
                        else_at = j
                    j += 1
                else:
                    raise ForthError("if without then")
                if cond != 0:
                    end = j if else_at < 0 else else_at
                    self.execute(tokens[i:end], depth + 1)
                elif else_at >= 0:
                    self.execute(tokens[else_at + 1:j], depth + 1)
                i = j + 1
            else:
                self.builtin(t)

    def builtin(self, t):
        if t == "+":
            b = self.pop()
            self.push(self.pop() + b)
        elif t == "-":
            b = self.pop()
            self.push(self.pop() - b)
        elif t == "*":
            b = self.pop()
            self.push(self.pop() * b)
        elif t == "/":
            b = self.pop()
            a = self.pop()
            if b == 0:
                raise ForthError("division by zero")
            self.push(a // b)
        elif t == "mod":
            b = self.pop()
            self.push(self.pop() % b)
        elif t == "dup":
            v = self.pop()
            self.push(v)
            self.push(v)
        elif t == "drop":
            self.pop()
        elif t == "swap":
            b = self.pop()
            a = self.pop()
            self.push(b)
            self.push(a)
        elif t == "over":
            b = self.pop()
            a = self.pop()
            self.push(a)
            self.push(b)
            self.push(a)
        elif t == "=":
            b = self.pop()
            self.push(-1 if self.pop() == b else 0)
        elif t == "<":
            b = self.pop()
            self.push(-1 if self.pop() < b else 0)
        elif t == ".":
            self.out.append(str(self.pop()))
        elif t == "emit":
            self.out.append(chr(self.pop()))
        elif t == "cr":
            self.out.append("\n")
        else:
            try:
                self.push(int(t))
            except ValueError:
                raise ForthError("unknown word: " + t)


def entry_point(argv):
    f = Forth()
    program = [
        "1 2 + 3 * .",
        ": square dup * ; 7 square .",
        ": cube dup square * ; 3 cube . 4 cube .",
        "10 3 mod . 10 3 / . -7 2 / .",
        ": abs dup 0 < if 0 swap - then ; -5 abs . 5 abs .",
        ": sign dup 0 < if drop -1 else 0 = if 0 else 1 then then ; -9 sign . 0 sign . 9 sign .",
        "72 emit 105 emit cr",
        "1 2 swap . . 1 2 over . . .",
        "drop",
        "5 0 /",
        "frob",
        ": loop loop ; loop",
        ": broken 1 2",
        "1 if 2",
        "99 .",
    ]
    for line in program:
        f.out = []
        try:
            f.run(line)
            status = "ok"
        except StackUnderflow as e:
            status = "underflow: " + str(e)
            f.stack = []
        except ForthError as e:
            status = "error: " + str(e)
        print("%-50s => %s [%s] stack=%s" % (line, " ".join(f.out), status, f.stack))
    names = list(f.words.keys())
    names.sort()
    print("defined:", names)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

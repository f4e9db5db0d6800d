# A tiny expression language compiled to a stack machine.

class Token(object):
    def __init__(self, kind, text):
        self.kind = kind
        self.text = text

    def show(self):
        return "Token(%s, %r)" % (self.kind, self.text)


class ParseError(Exception):
    pass


def tokenize(src):
    tokens = []
    i = 0
    n = len(src)
    while i < n:
        c = src[i]
        if c.isspace():
            i += 1
        elif c.isdigit():
            j = i
            while j < n and src[j].isdigit():
                j += 1
            tokens.append(Token("num", src[i:j]))
            i = j
        elif c.isalpha() or c == "_":
            j = i
            while j < n and (src[j].isalnum() or src[j] == "_"):
                j += 1
            word = src[i:j]
            if word in ("let", "print", "while", "do", "end"):
                tokens.append(Token("kw", word))
            else:
                tokens.append(Token("name", word))
            i = j
        elif c in "+-*/%()=<;":
            tokens.append(Token("op", c))
            i += 1
        else:
            raise ParseError("bad character %r at %d" % (c, i))
    tokens.append(Token("eof", ""))
    return tokens


PUSH, LOAD, STORE, ADD, SUB, MUL, DIV, MOD, LT, PRINT, JMP, JZ, HALT = range(13)
def op_names():
    return ["PUSH", "LOAD", "STORE", "ADD", "SUB", "MUL", "DIV", "MOD", "LT",
            "PRINT", "JMP", "JZ", "HALT"]


class Compiler(object):
    def __init__(self, tokens):
        self.tokens = tokens
        self.pos = 0
        self.code = []
        self.varnames = []

    def peek(self):
        return self.tokens[self.pos]

    def advance(self):
        t = self.tokens[self.pos]
        self.pos += 1
        return t

    def expect(self, kind, text):
        t = self.advance()
        if t.kind != kind or (text != "" and t.text != text):
            raise ParseError("expected %s %r, got %r" % (kind, text, t.text))
        return t

    def var_index(self, name):
        if name not in self.varnames:
            self.varnames.append(name)
        return self.varnames.index(name)

    def emit(self, op, arg=0):
        self.code.append((op, arg))
        return len(self.code) - 1

    def program(self):
        while self.peek().kind != "eof":
            self.statement()
        self.emit(HALT)

    def statement(self):
        t = self.peek()
        if t.kind == "kw" and t.text == "let":
            self.advance()
            name = self.expect("name", "").text
            self.expect("op", "=")
            self.expr()
            self.emit(STORE, self.var_index(name))
        elif t.kind == "kw" and t.text == "print":
            self.advance()
            self.expr()
            self.emit(PRINT)
        elif t.kind == "kw" and t.text == "while":
            self.advance()
            top = len(self.code)
            self.expr()
            jz = self.emit(JZ, -1)
            self.expect("kw", "do")
            while not (self.peek().kind == "kw" and self.peek().text == "end"):
                self.statement()
            self.advance()
            self.emit(JMP, top)
            self.code[jz] = (JZ, len(self.code))
        else:
            raise ParseError("unexpected %r" % t.text)
        if self.peek().kind == "op" and self.peek().text == ";":
            self.advance()

    def expr(self):
        self.arith()
        if self.peek().kind == "op" and self.peek().text == "<":
            self.advance()
            self.arith()
            self.emit(LT)

    def arith(self):
        self.term()
        while self.peek().kind == "op" and self.peek().text in "+-":
            op = self.advance().text
            self.term()
            self.emit(ADD if op == "+" else SUB)

    def term(self):
        self.factor()
        while self.peek().kind == "op" and self.peek().text in "*/%":
            op = self.advance().text
            self.factor()
            if op == "*":
                self.emit(MUL)
            elif op == "/":
                self.emit(DIV)
            else:
                self.emit(MOD)

    def factor(self):
        t = self.advance()
        if t.kind == "num":
            self.emit(PUSH, int(t.text))
        elif t.kind == "name":
            if t.text not in self.varnames:
                raise ParseError("unknown variable " + t.text)
            self.emit(LOAD, self.var_index(t.text))
        elif t.kind == "op" and t.text == "(":
            self.expr()
            self.expect("op", ")")
        else:
            raise ParseError("unexpected token %r" % t.text)


def run(code, nvars):
    stack = []
    env = [0] * nvars
    pc = 0
    steps = 0
    while True:
        op, arg = code[pc]
        pc += 1
        steps += 1
        if op == PUSH:
            stack.append(arg)
        elif op == LOAD:
            stack.append(env[arg])
        elif op == STORE:
            env[arg] = stack.pop()
        elif op == PRINT:
            print("out:", stack.pop())
        elif op == JMP:
            pc = arg
        elif op == JZ:
            if stack.pop() == 0:
                pc = arg
        elif op == HALT:
            break
        else:
            b = stack.pop()
            a = stack.pop()
            if op == ADD:
                stack.append(a + b)
            elif op == SUB:
                stack.append(a - b)
            elif op == MUL:
                stack.append(a * b)
            elif op == DIV:
                stack.append(a // b)
            elif op == MOD:
                stack.append(a % b)
            elif op == LT:
                stack.append(1 if a < b else 0)
    return steps


def sources():
    return [
        "let x = 3; let y = x * (4 + 5); print y - 1",
        "let i = 0; let s = 0; while i < 10 do let s = s + i * i; let i = i + 1 end print s",
        "let a = 1; let b = 1; let n = 0; while n < 15 do let t = a + b; let a = b; let b = t; let n = n + 1 end print a; print b % 1000",
        "print 7 / 0",
        "let q = 5; print q + zz",
        "let x = 2 $ 3",
        "print (1 + 2",
    ]


def entry_point(argv):
    names = op_names()
    for src in sources():
        print("source:", src)
        try:
            toks = tokenize(src)
            print("  tokens:", len(toks), toks[0].show(), toks[len(toks) - 2].show())
            c = Compiler(toks)
            c.program()
            listing = []
            for op, arg in c.code[:6]:
                listing.append("%s %d" % (names[op], arg))
            print("  code[:6]:", ", ".join(listing), "| total", len(c.code))
            steps = run(c.code, len(c.varnames))
            print("  steps:", steps, "vars:", c.varnames)
        except ParseError as e:
            print("  parse error:", str(e))
        except ZeroDivisionError:
            print("  division by zero")
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

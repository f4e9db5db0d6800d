KIND_NAMES = {0: "INT", 1: "FLOAT", 2: "IDENT", 3: "STRING", 4: "OP", 5: "COMMENT"}


class LexError(Exception):
    def __init__(self, msg, line, col):
        Exception.__init__(self, "%d:%d: %s" % (line, col, msg))
        self.line = line
        self.col = col


class Lexer(object):
    def __init__(self, src):
        self.src = src
        self.pos = 0
        self.line = 1
        self.col = 1

    def peek(self, k=0):
        p = self.pos + k
        if p < len(self.src):
            return self.src[p]
        return ""

    def bump(self):
        ch = self.src[self.pos]
        self.pos += 1
        if ch == "\n":
            self.line += 1
            self.col = 1
        else:
            self.col += 1
        return ch

    def tokens(self):
        out = []
        while self.pos < len(self.src):
            ch = self.peek()
            line = self.line
            col = self.col
            if ch.isspace():
                self.bump()
                continue
            start = self.pos
            if ch.isdigit():
                kind = 0
                while self.peek().isdigit():
                    self.bump()
                if self.peek() == "." and self.peek(1).isdigit():
                    kind = 1
                    self.bump()
                    while self.peek().isdigit():
                        self.bump()
                if self.peek() == "e" or self.peek() == "E":
                    kind = 1
                    self.bump()
                    if self.peek() == "-" or self.peek() == "+":
                        self.bump()
                    if not self.peek().isdigit():
                        raise LexError("bad exponent", self.line, self.col)
                    while self.peek().isdigit():
                        self.bump()
            elif ch.isalpha() or ch == "_":
                kind = 2
                while self.peek().isalnum() or self.peek() == "_":
                    self.bump()
            elif ch == '"':
                kind = 3
                self.bump()
                while self.peek() != '"':
                    if self.peek() == "" or self.peek() == "\n":
                        raise LexError("unterminated string", line, col)
                    if self.peek() == "\\":
                        self.bump()
                    self.bump()
                self.bump()
            elif ch == "#":
                kind = 5
                while self.peek() != "" and self.peek() != "\n":
                    self.bump()
            elif ch in "+-*/=<>!(){},;":
                kind = 4
                self.bump()
                if self.peek() == "=" and ch in "=<>!":
                    self.bump()
            else:
                raise LexError("unexpected %r" % ch, line, col)
            out.append((kind, self.src[start:self.pos], line, col))
        return out


def summarize(toks):
    counts = {}
    for kind, text, line, col in toks:
        name = KIND_NAMES[kind]
        counts[name] = counts.get(name, 0) + 1
    return counts


def convert(toks):
    total = 0.0
    for kind, text, line, col in toks:
        if kind == 0:
            total += int(text)
        elif kind == 1:
            total += float(text)
    return total


def sources():
    return [
        'x = 42 + y_1 * 3.14\nif (x >= 10) { print("big\\"one"); }  # done',
        "a=1e3;b=2.5E-2;c=007",
        "n != m\n\n  <= >= == ! <",
        'oops = "never closed',
        "t = 3 @ 4",
        "z = 1e+",
    ]


def entry_point(argv):
    for src in sources():
        print("---", repr(src))
        try:
            toks = Lexer(src).tokens()
        except LexError as e:
            print("lex error at line", e.line, "col", e.col, "->", str(e))
            continue
        for kind, text, line, col in toks:
            print("  %-7s %-20r @%d:%d" % (KIND_NAMES[kind], text, line, col))
        print("  summary:", summarize(toks), "numbers sum to", convert(toks))
    ch_classes = []
    for ch in "aZ09 _\t.é":
        ch_classes.append((ch, ch.isalpha(), ch.isdigit(), ch.isspace(), ch.isalnum(), ch.isupper()))
    print(ch_classes)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

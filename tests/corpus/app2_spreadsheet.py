# A tiny spreadsheet: cells hold numbers or formulas like "=A1+B2*2" or "=SUM(A1:A3)".


class Cell(object):
    def __init__(self, name, text):
        self.name = name
        self.text = text
        self.value = 0.0
        self.done = False
        self.busy = False


class CycleError(Exception):
    pass


class Stats(object):
    def __init__(self):
        self.evaluations = 0


STATS = Stats()


class Sheet(object):

    def __init__(self):
        self.cells = {}
        self.order = []

    def set(self, name, text):
        if name not in self.cells:
            self.order.append(name)
        self.cells[name] = Cell(name, text)
        for c in self.cells.values():
            c.done = False
        return self

    def get(self, name):
        if name not in self.cells:
            return 0.0
        c = self.cells[name]
        if c.done:
            return c.value
        if c.busy:
            raise CycleError("cycle at " + name)
        c.busy = True
        try:
            c.value = self.evaluate(c.text)
        finally:
            c.busy = False
        c.done = True
        STATS.evaluations += 1
        return c.value

    def evaluate(self, text):
        if not text.startswith("="):
            return float(text)
        p = Parser(text[1:], self)
        v = p.expr()
        if p.pos != len(p.s):
            raise ValueError("junk at %d in %s" % (p.pos, text))
        return v


def col_row(name):
    return name[0], int(name[1:])


class Parser(object):
    def __init__(self, s, sheet):
        self.s = s
        self.pos = 0
        self.sheet = sheet

    def peek(self):
        return self.s[self.pos] if self.pos < len(self.s) else ""

    def expr(self):
        v = self.term()
        while True:
            c = self.peek()
            if c == "+":
                self.pos += 1
                v += self.term()
            elif c == "-":
                self.pos += 1
                v -= self.term()
            else:
                break
        return v

    def term(self):
        v = self.atom()
        while self.peek() in ("*", "/") and self.peek() != "":
            op = self.peek()
            self.pos += 1
            r = self.atom()
            v = v * r if op == "*" else v / r
        return v

    def atom(self):
        c = self.peek()
        if c == "(":
            self.pos += 1
            v = self.expr()
            self.pos += 1
            return v
        if c == "-":
            self.pos += 1
            return -self.atom()
        start = self.pos
        while self.pos < len(self.s) and (self.s[self.pos].isalnum() or self.s[self.pos] in ".:"):
            self.pos += 1
        tok = self.s[start:self.pos]
        if tok == "":
            raise ValueError("expected operand at %d" % start)
        if tok == "SUM" or tok == "MAX":
            self.pos += 1
            a = self.s[self.pos:self.s.index(")", self.pos)]
            self.pos += len(a) + 1
            lo, hi = a.split(":")
            c1, r1 = col_row(lo)
            c2, r2 = col_row(hi)
            vals = []
            for cc in range(ord(c1), ord(c2) + 1):
                for rr in range(r1, r2 + 1):
                    vals.append(self.sheet.get(chr(cc) + str(rr)))
            return sum(vals) if tok == "SUM" else max(vals)
        if tok[0].isalpha():
            return self.sheet.get(tok)
        return float(tok)


def show(sheet):
    for name in sorted(sheet.order):
        try:
            v = sheet.get(name)
            print("%-3s %-16s %10.3f %s" % (name, sheet.cells[name].text, v, repr(v)))
        except CycleError as e:
            print("%-3s %-16s ERROR cycle" % (name, sheet.cells[name].text))
        except ZeroDivisionError:
            print("%-3s %-16s #DIV/0!" % (name, sheet.cells[name].text))


def entry_point(argv):
    s = Sheet()
    s.set("A1", "1.5").set("A2", "2.25").set("A3", "=A1*A2")
    s.set("B1", "=SUM(A1:A3)").set("B2", "=B1/(A1-1.5)").set("B3", "=MAX(A1:A3)-0.1")
    s.set("C1", "=(A1+A2)*(A3-1)/3").set("C2", "=-C1+0.1+0.2").set("C3", "=C3+1")
    show(s)
    print("evaluations", STATS.evaluations)
    s.set("A1", "10")
    show(s)
    print("evaluations", STATS.evaluations)
    try:
        s.set("D1", "=A1+*2")
        s.get("D1")
    except ValueError as e:
        print("bad formula")
    s.set("D1", "=A1 2")
    return int(s.get("D1"))


if __name__ == "__main__":
    import sys

    sys.exit(entry_point(sys.argv))

# A deep class hierarchy: five levels, overriding, super() chains, class constants per subclass, isinstance dispatch, a visitor.


class Expr(object):
    PRIORITY = 0
    NAME = "expr"

    def __init__(self, tag):
        self.tag = tag

    def describe(self):
        return "%s#%s" % (self.NAME, self.tag)

    def cost(self):
        return 1

    def accept(self, v):
        return v.visit_expr(self)


class Literal(Expr):
    NAME = "lit"

    def __init__(self, tag, value):
        Expr.__init__(self, tag)
        self.value = value

    def cost(self):
        return 0

    def accept(self, v):
        return v.visit_literal(self)


class IntLit(Literal):
    NAME = "int"
    PRIORITY = 2

    def describe(self):
        return super().describe() + "=" + str(self.value)


class SmallInt(IntLit):
    NAME = "small"
    PRIORITY = 3

    def __init__(self, tag, value):
        if value > 255:
            raise ValueError("SmallInt %d too large" % value)
        super().__init__(tag, value)

    def describe(self):
        return "<" + super().describe() + ">"


class Bit(SmallInt):
    NAME = "bit"
    PRIORITY = 4

    def __init__(self, tag, value):
        super().__init__(tag, value & 1)

    def cost(self):
        return super().cost() - 1


class Call(Expr):
    NAME = "call"

    def __init__(self, tag, fn, args):
        Expr.__init__(self, tag)
        self.fn = fn
        self.args = args

    def cost(self):
        return 10 + sum([a.cost() for a in self.args])

    def accept(self, v):
        return v.visit_call(self)


class Visitor(object):
    def visit_expr(self, e):
        return "?"

    def visit_literal(self, e):
        return self.visit_expr(e)

    def visit_call(self, e):
        return self.visit_expr(e)


class Printer(Visitor):
    def visit_literal(self, e):
        return str(e.value)

    def visit_call(self, e):
        return e.fn + "(" + ", ".join([a.accept(self) for a in e.args]) + ")"


class Summer(Visitor):
    def visit_literal(self, e):
        return str(e.value if isinstance(e, IntLit) else 0)

    def visit_call(self, e):
        return str(sum([int(a.accept(self)) for a in e.args]))


def classify(e):
    if isinstance(e, Bit):
        return "bit"
    elif isinstance(e, SmallInt):
        return "small int"
    elif isinstance(e, IntLit):
        return "int"
    elif isinstance(e, Literal):
        return "literal"
    elif isinstance(e, Call):
        return "call of %d" % len(e.args)
    return "plain"


def entry_point(argv):
    exprs = [Expr("e"), Literal("l", 5), IntLit("i", 1000), SmallInt("s", 200), Bit("b", 7)]
    exprs.append(Call("c", "f", [exprs[1], exprs[2], Call("d", "g", [exprs[4]])]))
    for e in exprs:
        print("%-22s cost=%3d prio=%d %-10s %s | %s" % (e.describe(), e.cost(), e.PRIORITY, classify(e),
                                                     e.accept(Printer()), e.accept(Summer())))
    ranked = sorted([(e.PRIORITY, e.tag) for e in exprs])
    print(ranked)
    try:
        SmallInt("bad", 300)
    except ValueError as err:
        print("ValueError:", err)
    b = Bit("x", 2)
    print(b.value, isinstance(b, Literal), isinstance(b, Call), b.NAME, Bit.NAME, SmallInt.PRIORITY)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

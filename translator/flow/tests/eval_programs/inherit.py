class Base(Exception):
    pass


class WithMsg(Base):
    def __init__(self, code, msg):
        Base.__init__(self, msg)
        self.code = code


class ViaSuper(WithMsg):
    def __init__(self, code):
        super().__init__(code, "via super " + str(code))


class TwoArgs(Exception):
    def __init__(self, a, b):
        Exception.__init__(self, a, b)


class NoArgs(Exception):
    def __init__(self, x):
        BaseException.__init__(self)
        self.x = x


class Silent(ValueError):
    def __init__(self, x):
        self.x = x


class Explicit(KeyError):
    def __init__(self, k):
        super(Explicit, self).__init__(k)


class A(object):
    def who(self):
        return "A"

    def chain(self):
        return ["A"]


class B(A):
    def who(self):
        return "B>" + super().who()

    def chain(self):
        return ["B"] + super().chain()


class C(A):
    def chain(self):
        return ["C"] + super().chain()


class D(B, C):
    tag = "d"

    def chain(self):
        return ["D"] + super().chain()


class E(D):
    def who(self):
        s = super()
        return "E>" + s.who() + " " + s.tag


def show(e):
    print(type(e).__name__, "[" + str(e) + "]", len(e.args))


def entry_point(argv):
    for e in [Base(), Base("one"), Base("x", 2), WithMsg(3, "bad"), ViaSuper(7), TwoArgs("p", 1),
              NoArgs(5), Silent(9), Explicit("k"), ValueError(), KeyError("miss")]:
        show(e)
    try:
        raise ViaSuper(11)
    except WithMsg as e:
        print("caught", e.code, str(e), e.args[0])
    try:
        raise NoArgs(1)
    except Exception as e:
        print("empty", "[" + str(e) + "]")
    e = Base("first")
    Exception.__init__(e, "again", "twice")
    print(str(e), e.args[1])
    print(B().who(), E().who())
    print(D().chain(), E().chain())
    try:
        A().missing()
    except AttributeError as e:
        print(str(e))
    l = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5]
    print(l.index(5), l.index(5, 5), l.index(5, -3), l.index(1, 2, 4), l.index(3, -100), l.index(5, 5, 100))
    t = (1, 2, 1, 2)
    print(t.index(2), t.index(1, 1), t.index(2, -1), t.index(1, True))
    for lo, hi in [(5, 6), (0, 0), (20, 30), (-1, -1), (7, -3)]:
        try:
            print(l.index(3, lo, hi))
        except ValueError as e:
            print("ValueError", str(e))
    try:
        t.index(2, 0, 1)
    except ValueError as e:
        print("ValueError", str(e))
    try:
        l.index(3, None)
    except TypeError as e:
        print("TypeError", str(e))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

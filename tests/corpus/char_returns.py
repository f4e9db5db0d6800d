# Chars returned through method families and function pointers whose other
# implementations return longer strs, None or other chars: the call's
# result is the union (a str), whatever the implementation called.


class Shape(object):
    def symbol(self):
        return "?"

    def name(self, i):
        return "shape"


class Square(Shape):
    def symbol(self):
        return "#"

    def name(self, i):
        return "square"[i]


class Circle(Shape):
    def symbol(self):
        return "()"

    def name(self, i):
        return "circle"


def first(s):
    return s[0]


def whole(s):
    return s


def pick(k):
    if k == 0:
        return first
    return whole


def maybe_char(s, i):
    if i >= len(s):
        return None
    return s[i]


def entry_point(argv):
    shapes = [Shape(), Square(), Circle()]
    for sh in shapes:
        print(sh.symbol(), sh.name(1), len(sh.symbol()), sh.name(0) == "s")
    for k in range(2):
        f = pick(k)
        r = f("hello")
        print(r, len(r), r == "h")
    print(maybe_char("abc", 5) == "a", maybe_char("abc", 5) != "a", maybe_char("abc", 0) == "a")
    for i in range(4):
        c = maybe_char("abc", i)
        if c is None:
            print("none")
        else:
            print(c, c == "b", c != "bc")
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

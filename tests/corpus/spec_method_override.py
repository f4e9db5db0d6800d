# A @specialize.* method overridden in subclasses: each implementation is
# specialised per key, and the call dispatches on the receiver's class
# (an undecorated override keeps its one graph).
from rpython.rlib.objectmodel import specialize


class Shape(object):
    def __init__(self, name):
        self.name = name

    @specialize.argtype(1)
    def show(self, x):
        return self.name + ":" + str(x)

    @specialize.arg(1)
    def scale(self, factor, n):
        if factor == 2:
            return n + n
        return n * factor

    def describe(self, x):
        return "[" + self.show(x) + "]"


class Ring(Shape):
    @specialize.arg(1)
    def scale(self, factor, n):
        if factor == 3:
            return 333
        return n - factor


class Square(Shape):
    @specialize.argtype(1)
    def show(self, x):
        if isinstance(x, int):
            return "Square int " + str(x * x)
        return "Square other " + str(x)


class Circle(Shape):
    def scale(self, factor, n):
        return -n * factor


class Dot(Square):
    @specialize.argtype(1)
    def show(self, x):
        return "Dot " + str(x) + " " + Square.show(self, x)


def make(i):
    if i % 5 == 0:
        return Shape("shape")
    if i % 5 == 1:
        return Square("sq")
    if i % 5 == 2:
        return Circle("ci")
    if i % 5 == 3:
        return Ring("ring")
    return Dot("dot")


def entry_point(argv):
    for i in range(len(argv) + 7):
        s = make(i)
        print(s.show(i), "|", s.show(1.5 * i), "|", s.show("s%d" % i))
        print(s.describe(i), s.scale(2, i), s.scale(3, i))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

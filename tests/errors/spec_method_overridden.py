# error: 19:11: is specialised and has 2 implementations
from rpython.rlib.objectmodel import specialize


class A(object):
    @specialize.argtype(1)
    def show(self, x):
        return str(x)


class B(A):
    @specialize.argtype(1)
    def show(self, x):
        return "B" + str(x)


def entry_point(argv):
    a = A() if len(argv) > 5 else B()
    print(a.show(1))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

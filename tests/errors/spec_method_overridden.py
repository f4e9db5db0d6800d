# error: 19:11: a memo method cannot be overridden
from rpython.rlib.objectmodel import specialize


class A(object):
    @specialize.memo()
    def table(self):
        return 1


class B(A):
    @specialize.memo()
    def table(self):
        return 2


def entry_point(argv):
    a = A() if len(argv) > 5 else B()
    print(a.table())
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

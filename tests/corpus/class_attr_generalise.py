class Base(object):
    def __init__(self):
        self.child = None


class A(Base):
    def __init__(self):
        Base.__init__(self)
        self.value = 1


class B(Base):
    def __init__(self):
        Base.__init__(self)
        self.value = 2


def get(b):
    return b.value


def depth(b):
    d = 0
    while b is not None:
        d += 1
        b = b.child
    return d


def entry_point(argv):
    print(get(A()))
    print(get(B()))
    x = A()
    x.value = 7
    print(get(x) + 1)
    x.child = B()
    x.child.child = A()
    print(depth(x), depth(x.child), get(x.child))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

class A(object):
    pass


class B(A):
    pass


class C(A):
    pass


KINDS = (B, C)


def f(x):
    return isinstance(x, (B, C))


def g(x):
    if isinstance(x, KINDS) and x is not None:
        return 1
    return 0


def entry_point(argv):
    for x in [A(), B(), C()]:
        print(f(x), g(x))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

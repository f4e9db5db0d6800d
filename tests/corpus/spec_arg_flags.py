from rpython.rlib.objectmodel import specialize


@specialize.arg(1)
def convert(x, as_text):
    # Each specialisation keeps one branch: the two return types never meet.
    if as_text:
        return "<" + str(x) + ">"
    return x * 2


@specialize.arg(0)
def apply(op, a, b):
    if op == "add":
        return a + b
    elif op == "sub":
        return a - b
    elif op == "cat":
        return str(a) + str(b)
    return -1


class Box(object):
    def __init__(self, v):
        self.v = v


class Pair(object):
    def __init__(self, v):
        self.a = v
        self.b = v + 1


@specialize.arg(0)
def make(cls, v):
    return cls(v)


@specialize.arg(0)
def outer(verbose, x):
    if verbose:
        print("outer", x)
    return inner(verbose, x) + 1


@specialize.arg(0)
def inner(verbose, x):
    if not verbose:
        return x
    print("inner", x)
    return x * 10


@specialize.arg(1)
def count_down(n, step=1):
    total = 0
    while n > 0:
        total += n
        n -= step
    return total


def entry_point(argv):
    n = len(argv) + 4
    print(convert(n, True), convert(n, False) + 1)
    print(apply("add", n, 3), apply("sub", n, 3), apply("cat", n, 3))
    b = make(Box, n)
    p = make(Pair, n)
    print(b.v, p.a, p.b)
    print(outer(True, n), outer(False, n))
    print(count_down(n), count_down(n, 2), count_down(n, step=3))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

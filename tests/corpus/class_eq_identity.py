class Sym(object):
    def __init__(self, name):
        self.name = name


A = Sym("a")
B = Sym("b")


def same(x, y):
    return x is y


def entry_point(argv):
    a2 = Sym("a")
    print(same(A, A), same(A, B), same(A, a2))
    print(A == A, A == a2, A != B)
    x = A
    if len(argv) > 3:
        x = B
    print(x is A, x.name)
    n = None
    if len(argv) > 5:
        n = A
    print(n is None, n is A)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

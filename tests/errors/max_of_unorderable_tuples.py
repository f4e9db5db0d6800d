# error: 11:11: max() compares items of int, float or str (or tuples of those)
class A(object):
    pass


def entry_point(argv):
    xs = [(1, A()), (2, A())]
    ys = [(0, "a")]
    print(min(ys))
    print(len(xs))
    print(max(xs)[0])
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(entry_point(sys.argv))

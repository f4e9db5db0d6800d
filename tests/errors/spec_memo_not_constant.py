# error: 12:11: argument 'n' of table() must be a constant
from rpython.rlib.objectmodel import specialize


@specialize.memo()
def table(n):
    return n * 2


def entry_point(argv):
    n = len(argv)
    print(table(n))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

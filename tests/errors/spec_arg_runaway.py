# error: 9:12: more than 200 specialised graphs
from rpython.rlib.objectmodel import specialize


@specialize.arg(0)
def up(n, x):
    if x > 100:
        return x
    return up(n + 1, x * 2)


def entry_point(argv):
    print(up(0, len(argv)))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

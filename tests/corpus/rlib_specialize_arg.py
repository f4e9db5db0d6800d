from rpython.rlib.objectmodel import specialize


@specialize.arg(0)
def make(kind, n):
    if kind == 1:
        return n * 2
    return n + 1000


@specialize.memo()
def table_size():
    return 64


@specialize.call_location()
def ident(x):
    return x


def entry_point(argv):
    print(make(1, 5), make(2, 5))
    print(table_size())
    print(ident(3), ident("three"), ident(3.5))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

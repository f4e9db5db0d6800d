from rpython.rlib.rarithmetic import ovfcheck


def grow(x):
    while True:
        x = ovfcheck(x * 2)
        print(x)


def entry_point(argv):
    grow(1 << 58)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

from rpython.rlib.rarithmetic import ovfcheck


def neg(x):
    try:
        return ovfcheck(-x)
    except OverflowError:
        return 0


def sub(a, b):
    try:
        return ovfcheck(a - b)
    except OverflowError as e:
        print("caught:", str(e))
        return 0


def entry_point(argv):
    big = 9223372036854775807
    small = -big - 1
    print(neg(5), neg(-7), neg(small))
    print(sub(10, 3), sub(small, 1), sub(big, -1), sub(small, -1))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

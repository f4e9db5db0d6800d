from rpython.rlib.rarithmetic import ovfcheck, LONG_BIT


def checked_sum(n):
    total = 0
    x = 1
    for i in range(n):
        try:
            total = ovfcheck(total + x)
            x = ovfcheck(x * 3)
        except OverflowError:
            print("overflow at step", i)
            return -1
    return total


def entry_point(argv):
    print(LONG_BIT)
    print(checked_sum(10))
    print(checked_sum(50))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

from rpython.rlib.rarithmetic import ovfcheck


def factorial(n):
    r = 1
    for i in range(2, n + 1):
        r = ovfcheck(r * i)
    return r


def entry_point(argv):
    for n in [5, 10, 20, 21, 25]:
        try:
            print(n, factorial(n))
        except OverflowError:
            print(n, "overflows")
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

from rpython.rlib.rarithmetic import r_uint


def umax(a, b):
    if a > b:
        return a
    return b


def entry_point(argv):
    big = r_uint(-5)
    one = r_uint(1)
    print(big > one, big < one, one == r_uint(1), one != big)
    print(str(umax(big, one)), str(umax(r_uint(3), r_uint(4))))
    print(big >= r_uint(100), one <= 1)
    n = r_uint(0)
    count = 0
    while n < r_uint(10):
        n += r_uint(3)
        count += 1
    print(count, str(n))
    if r_uint(0):
        print("zero is true?")
    else:
        print("zero is false")
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

from rpython.rlib.rarithmetic import r_uint, intmask


def rotl(x, n):
    return (x << n) | (x >> (64 - n))


def entry_point(argv):
    x = r_uint(0x0123456789abcdef)
    print(str(rotl(x, 8)), str(rotl(x, 32)))
    y = x + 1
    z = 3 * x
    print(str(y), str(z), intmask(z))
    acc = r_uint(0)
    for i in range(10):
        acc = acc * r_uint(31) + r_uint(i)
    print(str(acc))
    print(str(r_uint(7) - r_uint(9)))
    print(intmask(r_uint(12345) * r_uint(67890)))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

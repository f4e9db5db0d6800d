# intmask() of a constant int expression (big literals, shifts, powers)
# folds at translation time, as RPython's flow space does.
from rpython.rlib.rarithmetic import intmask, r_uint

MASK = intmask(0xFFFFFFFFFFFFFFFF)


def entry_point(argv):
    a = intmask(0xFFFFFFFFFFFFFFFF)
    b = intmask(1 << 63)
    c = intmask(0x9E3779B97F4A7C15)
    d = intmask((1 << 64) + 5)
    print(a, b, c, d, MASK)
    print(intmask(2 ** 63), intmask(-(1 << 63) - 1), intmask(3 ** 50), intmask(-0x10000000000000001), intmask(~(1 << 70)))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

# ovfcheck(x << k): OverflowError when bits are lost, ValueError for a negative count.
from rpython.rlib.rarithmetic import ovfcheck


def shl(x, k):
    try:
        return ovfcheck(x << k)
    except OverflowError:
        return -999


def pow2_table(limit):
    out = []
    v = 1
    k = 0
    while True:
        try:
            v = ovfcheck(v << 1)
        except OverflowError:
            break
        k += 1
        if k > limit:
            break
        out.append(v)
    return out


def entry_point(argv):
    for x, k in [(1, 0), (1, 10), (1, 62), (1, 63), (-1, 63), (-1, 64), (3, 61), (3, 62), (0, 100),
                 (0, 64), (5, 64), (-5, 200), (7, 1), (-4611686018427387904, 1), (-4611686018427387905, 1)]:
        print(x, k, shl(x, k))
    table = pow2_table(100)
    print(len(table), table[-1], table[:5])
    try:
        print(shl(1, len(argv) - 3))
    except ValueError as e:
        print("ValueError:", e)
    big = 1 << 40
    n = 0
    while True:
        try:
            big = ovfcheck(big << 5)
            n += 1
        except OverflowError:
            print("overflowed after", n, "shifts at", big)
            break
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

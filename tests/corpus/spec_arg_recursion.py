from rpython.rlib.objectmodel import specialize


@specialize.arg(0)
def power(n, x):
    # Unrolled at translation time: power__3 calls power__2 ...
    if n == 0:
        return 1
    if n % 2 == 1:
        return x * power(n - 1, x)
    return power(n - 1, x) * x


@specialize.arg(0, 1)
def between(lo, hi, x):
    return lo <= x and x < hi


def entry_point(argv):
    k = len(argv) + 1
    print(power(0, k), power(3, k), power(5, k))
    print(between(0, 10, k), between(5, 10, k), between(-3, 0, -k))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

# Constant expressions (folded at translation time) agree with Python.

DEBUG = False
SCALE = 3


def mix(x):
    a = -7 // 2
    b = -7 % 2
    c = 7 // -2
    d = 7 % -2
    e = (1 << 10) - 1
    f = ~5 ^ 3
    if DEBUG:
        print("debug", x)
    if SCALE > 2:
        x = x * SCALE
    return a + b * 10 + c * 100 + d * 1000 + e + f + x


def floats(x):
    y = 1.5 * 4.0 - 0.25
    z = -(2.0 - 3.5)
    if y > 5.0:
        return x + y + z
    return x


def entry_point(argv):
    n = len(argv)
    print(mix(n), mix(0))
    print(floats(1.0 * n))
    t = True
    if not t:
        print("never")
    print(abs(-5), max(3, 9), min(-2, -8))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

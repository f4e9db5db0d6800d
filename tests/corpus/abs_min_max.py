def clamp(x, lo, hi):
    return max(lo, min(x, hi))


def clamp_float(x, lo, hi):
    return max(lo, min(x, hi))


def entry_point(argv):
    print(abs(-5), abs(5), abs(0), abs(-2 ** 62))
    print(abs(-2.5), abs(2.5), abs(-0.0), abs(-1e300))
    print(min(3, 7), max(3, 7), min(-1, -9), max(-1, -9))
    print(min(2.5, 1.5), max(2.5, 1.5), min(-0.5, 0.25), max(1e-10, 1e-11))
    for x in range(-3, 14, 4):
        print(x, clamp(x, 0, 10))
    print(clamp_float(2.75, 0.0, 1.0), clamp_float(-0.5, 0.0, 1.0))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

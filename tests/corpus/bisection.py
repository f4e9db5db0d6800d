def f(x):
    return x * x * x - x - 2.0


def bisect(lo, hi, iterations):
    for i in range(iterations):
        mid = (lo + hi) / 2.0
        if f(mid) > 0.0:
            hi = mid
        else:
            lo = mid
    return (lo + hi) / 2.0


def entry_point(argv):
    for it in range(0, 61, 10):
        print(it, bisect(1.0, 2.0, it))
    r = bisect(1.0, 2.0, 100)
    print(r, f(r), abs(f(r)) < 1e-12)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

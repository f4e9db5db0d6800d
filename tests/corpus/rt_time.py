import time


def busy(n):
    s = 0
    for i in range(n):
        s += i
    return s


def entry_point(argv):
    t0 = time.time()
    p0 = time.perf_counter()
    s = busy(100000)
    p1 = time.perf_counter()
    t1 = time.time()
    print(s)
    print(t0 > 1600000000.0, t1 >= t0, p1 >= p0)
    print(p1 - p0 < 100.0)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

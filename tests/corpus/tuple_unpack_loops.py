def minmax(l):
    lo = l[0]
    hi = l[0]
    for x in l:
        if x < lo:
            lo = x
        if x > hi:
            hi = x
    return lo, hi


def entry_point(argv):
    lo, hi = minmax([4, -2, 9, 0])
    print(lo, hi)
    pairs = [(name, len(name)) for name in ["ann", "bob", "carla"]]
    for name, n in pairs:
        print(name, n)
    best = ("", 0)
    for p in pairs:
        if p[1] > best[1]:
            best = p
    print(best)
    scores = [("x", 1.5), ("y", 3.0)]
    total = 0.0
    for i, (k, v) in enumerate(scores):
        total += v * i
        print(i, k, v)
    print(total)
    a, b = [1, 2]
    print(a, b)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

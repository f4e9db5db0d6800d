def bsearch(l, x):
    lo = 0
    hi = len(l)
    while lo < hi:
        mid = (lo + hi) // 2
        if l[mid] < x:
            lo = mid + 1
        else:
            hi = mid
    if lo < len(l) and l[lo] == x:
        return lo
    return -1


def entry_point(argv):
    # One bsearch() for both lists makes them one list type, of floats:
    # the ints are written float(...) so that no int is widened silently.
    l = [float(i * 3) for i in range(100)]
    print(bsearch(l, 27), bsearch(l, 28), bsearch(l, 0), bsearch(l, 297), bsearch(l, 300))
    fl = sorted([2.5, -1.0, 7.25, 3.0])
    print(fl, bsearch(fl, 3.0), bsearch(fl, 4.0))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

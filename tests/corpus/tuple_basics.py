def divmod2(a, b):
    return a // b, a % b


def entry_point(argv):
    t = (1, "a", 2.5)
    print(t)
    print((1,), (), ((1, 2), (3, "x")))
    q, r = divmod2(17, 5)
    print(q, r)
    print(t[0], t[-1], t[1:], t[:2])
    print((1, 2) == (1, 2), (1, 2) != (1, 3), (1, 2) < (1, 3), (2, "a") > (1, "b"))
    print(3 in (1, 2, 3), 4 in (1, 2, 3))
    pts = [(1, 2), (3, 4)]
    pts.append((5, 6))
    for x, y in pts:
        print(x + y)
    print(pts)
    u = (1, 2) + (3,)
    print(u, len(u))
    print(str((True, None)))
    pts.sort(reverse=True)
    print(pts)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

def fill(l, n):
    for i in range(n):
        l.append(i * 1.5)


def entry_point(argv):
    a = []
    b = a
    fill(b, 3)
    print(a, b, a is b)
    c = a[:]
    c.append(99.0)
    print(a, c)
    d = [a, c]
    d[0].append(-1.0)
    print(a, d)
    e = None
    if len(argv) > 5:
        e = [1]
    if e is None:
        print("none")
    e = [2]
    if e is not None:
        print(e)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

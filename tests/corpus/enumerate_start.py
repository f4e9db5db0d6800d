# enumerate(x, start) and enumerate(x, start=k): the count begins at start.


def numbered(names, first):
    out = []
    for i, n in enumerate(names, first):
        out.append("%d:%s" % (i, n))
    return " ".join(out)


def entry_point(argv):
    names = ["ann", "bob", "cy"]
    print(numbered(names, 1))
    print(numbered(names, -2))
    print(numbered([], 7))
    for i, c in enumerate("xyz", start=10):
        print(i, c)
    for i, t in enumerate((3, 4), 100):
        print(i, t)
    for i, k in enumerate(range(3), len(names)):
        print(i, k)
    pairs = list(enumerate(names, 5))
    print(len(pairs), pairs[0][0], pairs[2][1])
    squares = [i * i for i, _ in enumerate(names, 2)]
    print(squares)
    for (i, n), m in zip(enumerate(names, 1), ["x", "y", "z"]):
        print(i, n, m)
    for i, n in enumerate(names):
        print(i, n)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

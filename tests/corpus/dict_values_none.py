def find(d, k):
    return d.get(k)


def entry_point(argv):
    d = {"a": "x", "b": None}
    print(d)
    r = find(d, "a")
    if r is not None:
        print("found", r)
    if find(d, "b") is None:
        print("b is None")
    if find(d, "zz") is None:
        print("zz missing")
    m = {}
    m[1] = None
    m[2] = "two"
    print(m, m[1], m[2])
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

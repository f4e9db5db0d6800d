def make(n):
    d = {}
    for i in range(n):
        d["k" + str(i)] = i
    return d


def total(d):
    s = 0
    for k in d:
        s += d[k]
    return s


def maybe(flag):
    if flag:
        return make(3)
    return None


def entry_point(argv):
    a = make(5)
    b = a
    b["extra"] = 100
    print(total(a), len(a))
    m = maybe(len(argv) > 5)
    if m is None:
        print("no dict")
    m = maybe(True)
    if m is not None:
        print(total(m), m)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

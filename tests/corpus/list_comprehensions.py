def entry_point(argv):
    sq = [i * i for i in range(10)]
    print(sq)
    ev = [x for x in sq if x % 2 == 0]
    print(ev)
    pairs = [(i, j) for i in range(3) for j in range(i)]
    print(pairs)
    words = ["alpha", "beta", "gamma"]
    lens = [len(w) for w in words]
    print(lens)
    up = [w + "!" for w in words if len(w) > 4]
    print(up)
    nested = [[j for j in range(i)] for i in range(4)]
    print(nested)
    chars = [c for c in "abc"]
    print(chars)
    fl = [x / 2 for x in range(4)]
    print(fl)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

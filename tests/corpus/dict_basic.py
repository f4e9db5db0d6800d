def entry_point(argv):
    d = {}
    d[1] = 10
    d[2] = 20
    d[3] = 30
    print(len(d), d[1], d[2], d[3])
    d[2] = 22
    print(d[2], len(d))
    print(2 in d, 5 in d, 5 not in d)
    if d:
        print("non-empty")
    e = {}
    e[0] = 0
    del e[0]
    if not e:
        print("empty")
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

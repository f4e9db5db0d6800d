def entry_point(argv):
    d = {}
    step = 1024
    for round in range(3):
        for i in range(300):
            d[i * step] = i + round
        for i in range(0, 300, 3):
            del d[i * step]
    print(len(d))
    s = 0
    for k, v in d.items():
        s += v
    print(s)
    first = []
    for k in d:
        if len(first) < 5:
            first.append(k)
    print(first)
    m = {}
    big = 2305843009213693951
    m[big] = "p"
    m[0] = "zero"
    m[2 * big] = "2p"
    m[-big] = "-p"
    print(m)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

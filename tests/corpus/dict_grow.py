def entry_point(argv):
    d = {}
    n = 5000
    for i in range(n):
        d[i * 7] = i
    total = 0
    for i in range(n):
        total += d[i * 7]
    print(len(d), total)
    for i in range(0, n, 2):
        del d[i * 7]
    print(len(d))
    missing = 0
    for i in range(n):
        if i * 7 not in d:
            missing += 1
    print(missing)
    for i in range(n):
        d[i * 7] = -i
    print(len(d), d[7], d[14])
    s = 0
    for k, v in d.items():
        s += k + v
    print(s)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

def entry_point(argv):
    l = []
    for i in range(100000):
        l.append(i)
    print(len(l), l[99999], sum(l))
    while len(l) > 10:
        del l[len(l) // 2:]
    print(l)
    for i in range(5):
        l.insert(0, -i)
    print(l)
    l[2:8] = [0] * 20
    print(len(l), l)
    m = l * 3
    print(len(m))
    m[:] = []
    print(m)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

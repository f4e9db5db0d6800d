def entry_point(argv):
    d = {}
    for i in range(10):
        d[i] = i * i
    del d[3]
    del d[7]
    d[3] = -3
    d[100] = 1
    print(d)
    for k in d:
        print(k, end=" ")
    print()
    for v in d.values():
        print(v, end=" ")
    print()
    del d[0]
    d[0] = 0
    print(list_keys(d))
    return 0


def list_keys(d):
    s = ""
    for k in d.keys():
        s = s + str(k) + ","
    return s


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

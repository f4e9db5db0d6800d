def entry_point(argv):
    l = list(range(10))
    print(l[2:5], l[:3], l[7:], l[:], l[-3:], l[:-3])
    print(l[::2], l[1::3], l[::-1], l[8:2:-2], l[-1:-5:-1])
    print(l[5:2], l[100:], l[-100:2], l[3:3])
    m = l[:]
    m[2:5] = [20, 30]
    print(m)
    m[0:0] = [-1, -2, -3]
    print(m)
    m[len(m):] = [99]
    print(m)
    m[::2] = [0] * len(m[::2])
    print(m)
    del m[1:3]
    print(m)
    del m[::3]
    print(m)
    del m[::-2]
    print(m)
    n = [1, 2, 3, 4, 5]
    n[1:4] = n
    print(n)
    try:
        n[::2] = [1]
    except ValueError as e:
        print("ValueError:", str(e))
    try:
        print(n[::0])
    except ValueError as e:
        print("ValueError:", str(e))
    s = [1, 2, 3]
    s[1:] = []
    print(s)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

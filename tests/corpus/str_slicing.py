def entry_point(argv):
    s = "abcdefghij"
    print(s[2:5], s[:3], s[7:], s[-3:], s[:-3], s[:])
    print(s[::2], s[1::3], s[::-1], s[8:2:-2], s[-1:-4:-1])
    print(s[5:2], s[20:], s[-20:3], s[3:100])
    n = len(s)
    i = 0
    while i <= n:
        print(i, s[:i] + "|" + s[i:])
        i += 3
    t = "héllo wörld"
    print(t[1:4], t[::-1], len(t[6:]))
    step = 0
    try:
        print(s[::step])
    except ValueError as e:
        print("ValueError", str(e))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

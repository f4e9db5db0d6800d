def entry_point(argv):
    l = [1, 2, 3]
    print(l)
    print(len(l), l[0], l[-1], l[1])
    l.append(4)
    l[0] = 10
    print(l)
    print(l.pop(), l)
    print(l.pop(0), l)
    l.insert(0, 7)
    l.insert(100, 8)
    l.insert(-1, 9)
    print(l)
    e = []
    print(e, len(e))
    if not e:
        print("empty")
    if l:
        print("nonempty")
    s = ["a", "b'c", 'd"e']
    print(s)
    print(str(s), repr(s))
    f = [1.5, 2.0, -0.0]
    print(f)
    b = [True, False]
    print(b)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

def entry_point(argv):
    l = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5]
    print(l.index(5), l.index(1), l.index(5, 5), l.count(5), l.count(7))
    print(3 in l, 7 in l, 7 not in l)
    try:
        l.index(42)
    except ValueError as e:
        print("ValueError:", str(e))
    l.remove(1)
    print(l)
    try:
        l.remove(42)
    except ValueError as e:
        print("ValueError:", str(e))
    l.reverse()
    print(l)
    l.sort()
    print(l)
    l.sort(reverse=True)
    print(l)
    l.extend([100, 200])
    l.extend(range(3))
    print(l)
    c = l.copy()
    c.clear()
    print(c, len(l))
    words = ["pear", "apple", "fig", "banana"]
    words.sort()
    print(words)
    print(sorted([2.5, -1.0, 3.25]))
    print(sorted("hello"))
    print(sorted(words, reverse=True))
    names = ["x", "y"]
    try:
        names.index("z")
    except ValueError as e:
        print("ValueError:", str(e))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

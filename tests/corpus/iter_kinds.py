def entry_point(argv):
    l = [10, 20, 30]
    for x in l:
        print(x)
    for i, x in enumerate(l):
        print(i, x)
    for c in "hey":
        print(c)
    for b in b"AB":
        print(b)
    for x in reversed(l):
        print(x)
    for i in reversed(range(3)):
        print(i)
    for a, b in zip(l, "xyz"):
        print(a, b)
    for a, b in zip([1, 2, 3, 4], [5.5, 6.5]):
        print(a, b)
    for t in (1, 2, 3):
        print(t)
    for i, c in enumerate("ab"):
        print(i, c)
    total = 0
    for x in l:
        if x == 20:
            continue
        total += x
    else:
        print("done", total)
    for x in l:
        if x == 20:
            break
    else:
        print("not reached")
    for c in reversed("xyz"):
        print(c)
    for i, (a, b) in enumerate(zip(l, l)):
        print(i, a + b)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

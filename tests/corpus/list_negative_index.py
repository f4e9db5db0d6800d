def entry_point(argv):
    l = [1, 2, 3, 4, 5]
    i = -1
    while i >= -5:
        print(l[i], end=" ")
        i -= 1
    print()
    l[-1] = 50
    l[-5] = 10
    print(l)
    del l[-2]
    print(l)
    print(l.pop(-2), l)
    l.insert(-10, 0)
    print(l)
    print(l[-100:100])
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

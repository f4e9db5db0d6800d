def dot(a, b):
    s = 0
    for x, y in zip(a, b):
        s += x * y
    return s


def entry_point(argv):
    print(dot([1, 2, 3], [4, 5, 6]))
    for i, (a, b, c) in enumerate(zip([1, 2], "ab", [0.5, 1.5])):
        print(i, a, b, c)
    idx = [i for i, x in enumerate([5, 0, 7, 0]) if x == 0]
    print(idx)
    z = list(zip([1, 2, 3], [4, 5, 6]))
    print(z)
    e = list(enumerate("xy"))
    print(e)
    for i, x in enumerate(range(10, 13)):
        print(i, x)
    for a, b in zip(range(3), reversed([7, 8, 9])):
        print(a, b)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

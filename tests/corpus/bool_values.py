def is_small(n):
    return n < 10


def entry_point(argv):
    t = True
    f = False
    print(t, f, not t, t == f, t != f)
    print(t and f, t or f, f or t, f and t)
    print(is_small(3), is_small(30), is_small(3) and is_small(4))
    count = 0
    for i in range(20):
        if is_small(i) and i % 2 == 0:
            count += 1
    print(count)
    b = 3 > 2
    c = b and 5 > 6
    print(b, c, b == True, c == False)
    print(True + True, True * 10, False - 1, -True)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

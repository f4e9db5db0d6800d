def in_range(x, lo, hi):
    return lo <= x < hi


def entry_point(argv):
    for x in range(-2, 6):
        print(x, in_range(x, 0, 4), 0 < x < 3 < 10, x == x == x, 1 < x > 2)
    a = 3
    b = 3
    c = 4
    print(a == b == c, a == b != c, a < b <= c, a != b, not a == b)
    print(1.5 < 2 < 2.5, 2.0 == 2, -0.0 == 0.0, 3 >= 3.0)
    print("abc" == "abc", "abc" != "abd", "a" + "b" == "ab")
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

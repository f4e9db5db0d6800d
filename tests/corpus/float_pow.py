def entry_point(argv):
    print((-2.0) ** 3, (-2.0) ** 2, 2.0 ** -3, (-2.0) ** -3)
    print((-1.5) ** 2, 10.0 ** -5, 0.5 ** 10, 2.0 ** 0.5)
    print(1.0001 ** 10000, 9.0 ** 0.5, 2.0 ** 100, 10.0 ** 22)
    print(0.0 ** 0, 0.0 ** 2.0, 1.0 ** 1e300, (-1.0) ** 4.0)
    print(2 ** 0.5, 3.0 ** 2, 1.5 ** 3, 10.0 ** -1)
    x = 1.0
    for i in range(1, 8):
        x = (-1.1) ** i
        print(i, x)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

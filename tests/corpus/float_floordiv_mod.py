def show(a, b):
    print(a, b, a // b, a % b)


def entry_point(argv):
    show(7.5, 2.0)
    show(-7.5, 2.0)
    show(7.5, -2.0)
    show(-7.5, -2.0)
    show(1.0, 0.1)
    show(-1.0, 0.3)
    show(5.0, 1e-3)
    show(-0.0, 5.0)
    show(0.0, -5.0)
    show(1e20, 3.0)
    show(-3.25, 0.5)
    show(10.0, 2.5)
    print(7 // 2.0, -7 // 2.0, 7 % 2.5, -7 % 2.5)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

def entry_point(argv):
    print(float(3), float(-7), float(0), float(2 ** 53), float(2 ** 53 + 1))
    print(int(2.7), int(-2.7), int(1e18), int(-0.5), int(0.9999))
    print(float(True), float(10 // 3), float(7) / 2)
    n = 12345
    x = float(n) / 100.0
    print(x, int(x), int(x * 100.0))
    print(float(2 ** 62), float(-2 ** 62), float(9007199254740993))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

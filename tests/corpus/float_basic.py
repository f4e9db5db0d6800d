def entry_point(argv):
    print(0.1 + 0.2)
    print(1e16, 1e-5, 1 / 3, 2.5e-300, -0.0, 1e22)
    print(1.0, 10.0, 100.0, 1e15, 123456789012345.6)
    print(0.5, 0.25, 0.125, 1.5e-7, 3.14159)
    print(2.0 / 3.0, 10.0 / 4.0, -1.0 / 8.0)
    print(1e21, 1e23, 9.999999999999999e22, 1.7976931348623157e308)
    print(5e-324, 2.2250738585072014e-308, 1e-310)
    print(0.1 * 3, 0.7 + 0.1, 4.35 * 100, 1.1 * 1.1)
    x = 0.0
    for i in range(10):
        x += 0.1
    print(x)
    print(-1.5, -1e-9, -123.456)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

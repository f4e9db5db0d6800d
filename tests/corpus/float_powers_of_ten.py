def entry_point(argv):
    x = 1.0
    for i in range(25):
        print(i, x, -x)
        x = x * 10.0
    y = 1.0
    for i in range(25):
        print(-i, y)
        y = y / 10.0
    z = 1.0
    for i in range(12):
        z = z * 1000.0
    print(z, 1.0 / z)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

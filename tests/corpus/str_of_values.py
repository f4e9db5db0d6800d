def entry_point(argv):
    print(str(0), str(-0), str(42), str(-9000000000))
    print(str(True), str(False), str(1 < 2))
    print(str(1.0), str(-2.5), str(0.1), str(1e100), str(-0.0))
    s = "n=" + str(7) + " f=" + str(0.5) + " b=" + str(3 > 4)
    print(s)
    print(str(-9223372036854775807 - 1), str(9223372036854775807))
    print(str(123456789.125), str(1.0 / 3.0))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

def entry_point(argv):
    for d in range(1, 14):
        line = ""
        for n in range(1, d + 1, 3):
            line = line + str(n / d) + " "
        print(d, line)
    print(22.0 / 7.0, 355.0 / 113.0)
    print(1 / 9, 2 / 9, 1 / 11, 1 / 81)
    print(100 / 3, 1000000 / 7, 1 / 1024)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

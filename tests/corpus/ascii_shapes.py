def row(spaces, stars):
    s = ""
    for i in range(spaces):
        s += " "
    for i in range(stars):
        s += "*"
    return s


def entry_point(argv):
    n = 5
    for i in range(n):
        print(row(n - i - 1, 2 * i + 1))
    for i in range(n - 2, -1, -1):
        print(row(n - i - 1, 2 * i + 1))
    for i in range(1, 4):
        line = ""
        for j in range(1, 10):
            if (i + j) % 2 == 0:
                line += "#"
            else:
                line += "."
        print(line)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

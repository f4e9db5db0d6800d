def entry_point(argv):
    table = {}
    for i in range(4):
        row = {}
        for j in range(3):
            row[j] = i * j
        table[i] = row
    print(table)
    print(table[3][2], table[2][1])
    table[1][5] = 55
    print(table[1])
    groups = {}
    for w in ["apple", "avocado", "banana", "blueberry", "cherry"]:
        groups.setdefault(w[0], []).append(w)
    print(groups)
    print(len(groups["b"]))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

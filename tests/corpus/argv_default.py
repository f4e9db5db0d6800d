def entry_point(argv):
    n = 10
    if len(argv) > 1:
        n = int(argv[1])
    print("no arguments given:", len(argv) == 1)
    total = 0
    for i in range(n + 1):
        total += i
    print("sum to", n, "is", total)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

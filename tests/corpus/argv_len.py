# args: alpha bb c 12
def entry_point(argv):
    n = len(argv)
    print("extra arguments:", n - 1)
    for i in range(1, n):
        print(i, argv[i])
    print(argv[1] + "+" + argv[2])
    print(argv[n - 1] + argv[n - 1])
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

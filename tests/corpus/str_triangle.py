def entry_point(argv):
    n = 6
    for i in range(1, n + 1):
        print(" " * (n - i) + "*" * (2 * i - 1))
    for i in range(n, 0, -1):
        print(("#" * i).rjust(n, "."))
    for i in range(n):
        print(f"{'x' * i:^{n * 2}}|")
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

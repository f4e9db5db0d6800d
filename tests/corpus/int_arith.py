def entry_point(argv):
    a = 17
    b = 5
    print(a + b, a - b, a * b, a // b, a % b, a ** 3)
    print(-a, -(-a), +a, -a + b, b - a)
    print(a * -b, -a * -b, a - -b)
    print(1000000007 * 1000000007)
    print(123456789 * 987654321 - 1)
    print(7 / 2, 1 / 4, -9 / 3)
    print(2 + 3 * 4 - 10 // 3 % 2 ** 2)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

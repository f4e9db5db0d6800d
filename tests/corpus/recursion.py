def fact(n):
    if n <= 1:
        return 1
    return n * fact(n - 1)


def ackermann(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ackermann(m - 1, 1)
    return ackermann(m - 1, ackermann(m, n - 1))


def binom(n, k):
    if k == 0 or k == n:
        return 1
    return binom(n - 1, k - 1) + binom(n - 1, k)


def sum_digits(n):
    if n < 10:
        return n
    return n % 10 + sum_digits(n // 10)


def entry_point(argv):
    for n in range(0, 21, 4):
        print(n, fact(n))
    print(ackermann(2, 3), ackermann(3, 3))
    print(binom(10, 5), binom(16, 8))
    print(sum_digits(fact(20)))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

def euler1(limit):
    total = 0
    for i in range(limit):
        if i % 3 == 0 or i % 5 == 0:
            total += i
    return total


def euler2(limit):
    a, b = 1, 2
    total = 0
    while a <= limit:
        if a % 2 == 0:
            total += a
        a, b = b, a + b
    return total


def euler6(n):
    sum_sq = 0
    s = 0
    for i in range(1, n + 1):
        sum_sq += i * i
        s += i
    return s * s - sum_sq


def euler5(n):
    result = 1
    for i in range(1, n + 1):
        a, b = result, i
        while b:
            a, b = b, a % b
        result = result * i // a
    return result


def entry_point(argv):
    print(euler1(1000), euler2(4000000), euler6(100), euler5(20))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

def leibniz(n):
    total = 0.0
    sign = 1.0
    for k in range(n):
        total += sign / (2 * k + 1)
        sign = -sign
    return 4.0 * total


def wallis(n):
    p = 1.0
    for k in range(1, n + 1):
        a = 4.0 * k * k
        p *= a / (a - 1.0)
    return 2.0 * p


def entry_point(argv):
    for n in range(1, 10002, 2500):
        print(n, leibniz(n), wallis(n))
    e = 1.0
    term = 1.0
    for k in range(1, 20):
        term /= k
        e += term
    print("e ~", e)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

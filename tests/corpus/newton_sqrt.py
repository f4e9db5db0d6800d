def sqrt(x):
    if x == 0.0:
        return 0.0
    guess = x / 2.0
    if guess < 1.0:
        guess = 1.0
    for i in range(100):
        nxt = (guess + x / guess) / 2.0
        if nxt == guess:
            break
        guess = nxt
    return guess


def isqrt(n):
    if n < 2:
        return n
    x = n
    y = (x + 1) // 2
    while y < x:
        x = y
        y = (x + n // x) // 2
    return x


def entry_point(argv):
    for v in range(0, 11):
        print(v, sqrt(float(v)))
    print(sqrt(1e10), sqrt(0.0001), sqrt(123456.789))
    print(isqrt(99), isqrt(100), isqrt(2 ** 62), isqrt(10 ** 18 - 1))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

def fib(n):
    a, b = 0, 1
    for i in range(n):
        a, b = b, a + b
    return a


def entry_point(argv):
    x, y = 1, 2
    print(x, y)
    x, y = y, x
    print(x, y)
    a, b, c = 1, 2, 3
    a, b, c = c, a, b
    print(a, b, c)
    for n in range(0, 91, 10):
        print("fib", n, "=", fib(n))
    p, q = 10, 3
    p, q = q, p % q
    print(p, q)
    s, t = "left", "right"
    s, t = t, s
    print(s, t)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

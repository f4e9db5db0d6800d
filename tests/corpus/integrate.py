def f(x):
    return x * x * x - 2.0 * x + 1.0


def trapezoid(a, b, n):
    h = (b - a) / n
    total = (f(a) + f(b)) / 2.0
    for i in range(1, n):
        total += f(a + i * h)
    return total * h


def simpson(a, b, n):
    h = (b - a) / n
    total = f(a) + f(b)
    for i in range(1, n):
        if i % 2 == 1:
            total += 4.0 * f(a + i * h)
        else:
            total += 2.0 * f(a + i * h)
    return total * h / 3.0


def entry_point(argv):
    for n in range(2, 11, 4):
        print(n, trapezoid(0.0, 2.0, n), simpson(0.0, 2.0, n))
    print(trapezoid(-1.0, 1.0, 1000))
    print(simpson(-3.5, 2.25, 500))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

# Float numerics: Gaussian elimination, Newton's method, Simpson integration, statistics, continued fractions; float repr must match CPython.
import math


def solve(a, b):
    n = len(a)
    m = [row[:] + [b[i]] for i, row in enumerate(a)]
    for col in range(n):
        piv = col
        for r in range(col + 1, n):
            if abs(m[r][col]) > abs(m[piv][col]):
                piv = r
        if abs(m[piv][col]) < 1e-12:
            raise ZeroDivisionError("singular matrix")
        m[col], m[piv] = m[piv], m[col]
        for r in range(n):
            if r != col:
                f = m[r][col] / m[col][col]
                for c in range(col, n + 1):
                    m[r][c] -= f * m[col][c]
    return [m[i][n] / m[i][i] for i in range(n)]


def newton_sqrt(x):
    if x < 0:
        raise ValueError("math domain error")
    if x == 0:
        return 0.0, 0
    g = x if x > 1 else 1.0
    for it in range(100):
        nxt = 0.5 * (g + x / g)
        if abs(nxt - g) < 1e-15 * g:
            return nxt, it + 1
        g = nxt
    return g, 100


def simpson(fname, a, b, n):
    h = (b - a) / n
    total = f(fname, a) + f(fname, b)
    for i in range(1, n):
        total += f(fname, a + i * h) * (4 if i % 2 else 2)
    return total * h / 3


def f(name, x):
    if name == "sin":
        return math.sin(x)
    if name == "exp":
        return math.exp(-x * x)
    return x * x * x


def stats(xs):
    n = len(xs)
    mean = sum(xs) / n
    var = sum([(x - mean) ** 2 for x in xs]) / (n - 1)
    s = sorted(xs)
    med = s[n // 2] if n % 2 else (s[n // 2 - 1] + s[n // 2]) / 2
    return mean, math.sqrt(var), med, s[0], s[-1]


def continued_fraction(x, terms):
    out = []
    for _ in range(terms):
        a = int(math.floor(x))
        out.append(a)
        frac = x - a
        if frac < 1e-9:
            break
        x = 1.0 / frac
    return out


def entry_point(argv):
    print(solve([[2.0, 1.0, -1.0], [-3.0, -1.0, 2.0], [-2.0, 1.0, 2.0]], [8.0, -11.0, -3.0]))
    print(solve([[1.0, 2.0], [3.0, 4.0]], [5.0, 6.0]))
    try:
        solve([[1.0, 2.0], [2.0, 4.0]], [1.0, 2.0])
    except ZeroDivisionError as e:
        print("ZeroDivisionError:", e)
    for x in [2.0, 10.0, 0.25, 1e10, 0.0, 123456.789]:
        r, its = newton_sqrt(x)
        print(x, r, its, r == math.sqrt(x))
    try:
        newton_sqrt(-1.0)
    except ValueError as e:
        print("ValueError:", e)
    print(simpson("sin", 0.0, math.pi, 10), simpson("exp", -3.0, 3.0, 50), simpson("cube", 0.0, 2.0, 4))
    m, sd, med, lo, hi = stats([2.5, 3.1, 4.7, 1.2, 9.9, 3.3, 5.0])
    print("mean=%.4f sd=%.4f med=%s lo=%s hi=%s" % (m, sd, med, lo, hi))
    print(m, sd, "%.3f" % sd, "%.2f" % 2.675, "%.0f" % 0.5, "%.0f" % 1.5, "%.0f" % -2.5)
    print(continued_fraction(math.pi, 6), continued_fraction(math.sqrt(2), 8), continued_fraction(0.75, 5))
    print(1e16, 1e-5, 0.1 + 0.2, 1 / 3, 2 ** 0.5, float("inf"), -float("inf"), 1e300 * 1e10)
    print(math.floor(-2.5), math.ceil(-2.5), int(-2.5), int(2.9999), float(7) / 2, 7 // 2.0, -7 % 3.0, math.fmod(-7.0, 3.0))
    print(math.hypot(3.0, 4.0), math.atan2(1.0, 1.0) * 4, math.log(1024.0, 2.0), math.log10(0.001), math.e)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

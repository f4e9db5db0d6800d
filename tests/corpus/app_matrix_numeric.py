import math


def make_matrix(n, m, fill):
    return [[fill] * m for i in range(n)]


def identity(n):
    a = make_matrix(n, n, 0.0)
    for i in range(n):
        a[i][i] = 1.0
    return a


def matmul(a, b):
    n = len(a)
    m = len(b[0])
    k = len(b)
    c = make_matrix(n, m, 0.0)
    for i in range(n):
        for j in range(m):
            s = 0.0
            for t in range(k):
                s += a[i][t] * b[t][j]
            c[i][j] = s
    return c


def transpose(a):
    return [[a[i][j] for i in range(len(a))] for j in range(len(a[0]))]


def show(name, a):
    print(name + ":")
    for row in a:
        print("  " + " ".join([f"{x:8.3f}" for x in row]))


def solve(a, b):
    # Gaussian elimination with partial pivoting.
    n = len(a)
    m = [row[:] + [b[i]] for i, row in enumerate(a)]
    for col in range(n):
        piv = col
        for r in range(col + 1, n):
            if abs(m[r][col]) > abs(m[piv][col]):
                piv = r
        if abs(m[piv][col]) < 1e-12:
            raise ValueError("singular matrix")
        m[col], m[piv] = m[piv], m[col]
        for r in range(col + 1, n):
            f = m[r][col] / m[col][col]
            for c in range(col, n + 1):
                m[r][c] -= f * m[col][c]
    x = [0.0] * n
    for i in range(n - 1, -1, -1):
        s = m[i][n]
        for j in range(i + 1, n):
            s -= m[i][j] * x[j]
        x[i] = s / m[i][i]
    return x


def norm(v):
    s = 0.0
    for x in v:
        s += x * x
    return math.sqrt(s)


def power_iteration(a, steps):
    v = [1.0] * len(a)
    lam = 0.0
    for it in range(steps):
        w = [0.0] * len(a)
        for i in range(len(a)):
            for j in range(len(a)):
                w[i] += a[i][j] * v[j]
        lam = norm(w)
        v = [x / lam for x in w]
    return lam, v


def entry_point(argv):
    a = [[4.0, -2.0, 1.0], [-2.0, 4.0, -2.0], [1.0, -2.0, 4.0]]
    show("A", a)
    show("A*I", matmul(a, identity(3)))
    show("A*At", matmul(a, transpose(a)))
    x = solve(a, [11.0, -16.0, 17.0])
    print("solution:", ["%.3f" % v for v in x])
    print("raw:", x)
    lam, v = power_iteration(a, 50)
    print("dominant eigenvalue %.6f" % lam)
    print("eigenvector", ", ".join(["%.4f" % t for t in v]))
    try:
        solve([[1.0, 2.0], [2.0, 4.0]], [1.0, 2.0])
    except ValueError as e:
        print("error:", e)
    total = 0.0
    for i in range(1, 1001):
        total += 1.0 / (i * i)
    print("basel partial %.10f vs %.10f" % (total, math.pi * math.pi / 6))
    print("e approx", f"{(1.0 + 1.0 / 100000) ** 100000:.5f}", "%.5f" % math.e)
    print("sqrt table:", ["%.3f" % math.sqrt(i) for i in range(1, 8)])
    print("floats:", 0.1 + 0.2, 1e22, 1.5e-7, -0.0, 2.0 ** 0.5, 1.0 / 3)
    print(f"{math.pi:10.4f}|{math.pi:<10.2f}|{-math.pi:+.1f}|{1234567.891:,.2f}|{0.000123:e}")
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

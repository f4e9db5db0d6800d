# Matrix determinant, inverse and solve with floats (Gaussian elimination with partial pivoting).


class Singular(Exception):
    pass


def copy(m):
    return [row[:] for row in m]


def det(m):
    a = copy(m)
    n = len(a)
    sign = 1.0
    d = 1.0
    for c in range(n):
        piv = c
        for r in range(c + 1, n):
            if abs(a[r][c]) > abs(a[piv][c]):
                piv = r
        if a[piv][c] == 0.0:
            return 0.0
        if piv != c:
            a[piv], a[c] = a[c], a[piv]
            sign = -sign
        d *= a[c][c]
        for r in range(c + 1, n):
            f = a[r][c] / a[c][c]
            for k in range(c, n):
                a[r][k] -= f * a[c][k]
    return sign * d


def solve(m, b):
    n = len(m)
    a = [m[i][:] + [b[i]] for i in range(n)]
    for c in range(n):
        piv = c
        for r in range(c + 1, n):
            if abs(a[r][c]) > abs(a[piv][c]):
                piv = r
        if abs(a[piv][c]) < 1e-12:
            raise Singular("column %d" % c)
        a[c], a[piv] = a[piv], a[c]
        for r in range(n):
            if r == c:
                continue
            f = a[r][c] / a[c][c]
            for k in range(c, n + 1):
                a[r][k] -= f * a[c][k]
    return [a[i][n] / a[i][i] for i in range(n)]


def matmul(x, y):
    return [[sum([x[i][k] * y[k][j] for k in range(len(y))]) for j in range(len(y[0]))] for i in range(len(x))]


def fmt(m):
    return "\n".join(["  [" + ", ".join(["%8.4f" % v for v in row]) + "]" for row in m])


def hilbert(n):
    return [[1.0 / (i + j + 1) for j in range(n)] for i in range(n)]


def entry_point(argv):
    a = [[2.0, -1.0, 0.0], [-1.0, 2.0, -1.0], [0.0, -1.0, 2.0]]
    print(fmt(a))
    print("det", det(a), repr(det(a)))
    x = solve(a, [1.0, 0.0, 1.0])
    print("solve", x)
    print("check", ["%.9f" % v for v in matmul(a, [[v] for v in x])[0]])
    for n in range(1, 6):
        h = hilbert(n)
        d = det(h)
        print("hilbert", n, "%.6e" % d, d > 0.0)
    sing = [[1.0, 2.0], [2.0, 4.0]]
    print("det sing", det(sing))
    try:
        solve(sing, [1.0, 1.0])
    except Singular as e:
        print("singular")
    rot = [[0.0, -1.0], [1.0, 0.0]]
    p = rot
    for i in range(4):
        p = matmul(p, rot)
        print(i, p, det(p))
    print(0.1 + 0.2, 1e16, -0.0, 1.0 / 3, 2.0 ** 0.5, 1e-7, 123456789.0 * 1000, float(2 ** 53 + 1))
    print(-0.0 == 0.0, str(-0.0), "%.3f" % -0.0004, "%g" % 1e-5, "%e" % 12345.678)
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(entry_point(sys.argv))

def matmul(a, b):
    n = len(a)
    m = len(b[0])
    k = len(b)
    c = [[0.0] * m for i in range(n)]
    for i in range(n):
        for j in range(m):
            s = 0.0
            for t in range(k):
                s += a[i][t] * b[t][j]
            c[i][j] = s
    return c


def transpose(a):
    return [[a[i][j] for i in range(len(a))] for j in range(len(a[0]))]


def entry_point(argv):
    a = [[1.0, 2.0], [3.0, 4.0]]
    b = [[0.5, 0.0], [0.0, 2.0]]
    print(matmul(a, b))
    print(transpose([[1, 2, 3], [4, 5, 6]]))
    ident = [[1 if i == j else 0 for j in range(3)] for i in range(3)]
    print(ident)
    rows = [sum(r) for r in ident]
    print(rows)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

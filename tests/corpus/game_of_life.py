def step(g):
    n = len(g)
    m = len(g[0])
    out = [[0] * m for i in range(n)]
    for i in range(n):
        for j in range(m):
            c = 0
            for di in [-1, 0, 1]:
                for dj in [-1, 0, 1]:
                    if di == 0 and dj == 0:
                        continue
                    a = (i + di) % n
                    b = (j + dj) % m
                    c += g[a][b]
            if g[i][j] == 1 and (c == 2 or c == 3):
                out[i][j] = 1
            elif g[i][j] == 0 and c == 3:
                out[i][j] = 1
    return out


def show(g):
    for row in g:
        print("".join(["#" if x else "." for x in row]) if False else str(row))


def entry_point(argv):
    g = [[0] * 6 for i in range(6)]
    g[1][2] = 1
    g[2][3] = 1
    g[3][1] = 1
    g[3][2] = 1
    g[3][3] = 1
    for k in range(4):
        g = step(g)
    show(g)
    print(sum([sum(r) for r in g]))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

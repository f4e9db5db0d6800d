# Conway's life on a small torus, with string rendering and a pattern census.

W = 12
H = 10


def parse(rows):
    grid = [[0] * W for _ in range(H)]
    for y, row in enumerate(rows):
        for x, ch in enumerate(row):
            if ch == "#":
                grid[y + 1][x + 1] = 1
    return grid


def neighbours(g, x, y):
    n = 0
    for dy in (-1, 0, 1):
        for dx in (-1, 0, 1):
            if dx == 0 and dy == 0:
                continue
            n += g[(y + dy) % H][(x + dx) % W]
    return n


def step(g):
    new = [[0 for _ in range(W)] for _ in range(H)]
    for y in range(H):
        for x in range(W):
            n = neighbours(g, x, y)
            alive = g[y][x] == 1
            new[y][x] = 1 if (alive and 2 <= n <= 3) or (not alive and n == 3) else 0
    return new


def render(g):
    return "\n".join(["".join(["#" if c else "." for c in row]) for row in g])


def population(g):
    return sum([sum(row) for row in g])


def bbox(g):
    xs = [x for y in range(H) for x in range(W) if g[y][x]]
    ys = [y for y in range(H) for x in range(W) if g[y][x]]
    if not xs:
        return (-1, -1, -1, -1)
    return min(xs), min(ys), max(xs), max(ys)


def entry_point(argv):
    g = parse([".#.", "..#", "###", "", "", "......##", "......##"])
    seen = {}
    for gen in range(30):
        key = render(g)
        if key in seen:
            print("repeat of generation", seen[key], "at", gen)
            break
        seen[key] = gen
        if gen % 6 == 0:
            print("gen", gen, "pop", population(g), "bbox", bbox(g))
            print(render(g))
        g = step(g)
    counts = [0] * 9
    for y in range(H):
        for x in range(W):
            counts[neighbours(g, x, y)] += 1
    print("neighbour histogram", counts)
    print("row sums", [sum(r) for r in g], "col sums", [sum([g[y][x] for y in range(H)]) for x in range(W)])
    empty = [[0] * W for _ in range(H)]
    print(bbox(empty))
    return population(g) % 7


if __name__ == "__main__":
    import sys

    sys.exit(entry_point(sys.argv))

def neighbours(grid, x, y):
    n = 0
    for dx in range(-1, 2):
        for dy in range(-1, 2):
            if dx == 0 and dy == 0:
                continue
            if (x + dx, y + dy) in grid:
                n += 1
    return n


def step(grid):
    new = {}
    for x in range(-2, 8):
        for y in range(-2, 8):
            n = neighbours(grid, x, y)
            alive = (x, y) in grid
            if n == 3 or (alive and n == 2):
                new[(x, y)] = True
    return new


def entry_point(argv):
    grid = {(1, 0): True, (2, 1): True, (0, 2): True, (1, 2): True, (2, 2): True}
    for i in range(4):
        grid = step(grid)
        print(len(grid))
    cells = {}
    for x, y in grid.keys():
        cells[(y, x, "c")] = x * 10 + y
    print(cells)
    pairs = {(1, "a"): 1.5, (2, "b"): 2.5}
    print(pairs[(2, "b")], (1, "a") in pairs, (1, "b") in pairs)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

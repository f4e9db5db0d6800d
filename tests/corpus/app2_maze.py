# Maze solving with BFS over a grid of strings; path drawing; unreachable targets.

MAZE = [
    "###############",
    "#S    #       #",
    "# ### # ##### #",
    "#   #   #   # #",
    "### ##### # # #",
    "#   #     #   #",
    "# ### ####### #",
    "#     #    E# #",
    "##### # #### ##",
    "#       #     #",
    "###############",
]


def find(grid, ch):
    for y, row in enumerate(grid):
        x = row.find(ch)
        if x >= 0:
            return x, y
    return -1, -1


def bfs(grid, start, goal):
    h = len(grid)
    w = len(grid[0])
    prev = {}
    prev[start] = start
    queue = [start]
    head = 0
    while head < len(queue):
        cur = queue[head]
        head += 1
        if cur == goal:
            break
        x, y = cur
        for dx, dy in [(1, 0), (-1, 0), (0, 1), (0, -1)]:
            nx = x + dx
            ny = y + dy
            if not (0 <= nx < w and 0 <= ny < h):
                continue
            if grid[ny][nx] == "#" or (nx, ny) in prev:
                continue
            prev[(nx, ny)] = cur
            queue.append((nx, ny))
    if goal not in prev:
        return [], head
    path = [goal]
    while path[-1] != start:
        path.append(prev[path[-1]])
    path.reverse()
    return path, head


def draw(grid, path):
    rows = [list(r) for r in grid]
    for i, (x, y) in enumerate(path[1:-1]):
        rows[y][x] = "abcdefghijklmnopqrstuvwxyz"[i % 26]
    return ["".join(r) for r in rows]


def turns(path):
    n = 0
    for i in range(2, len(path)):
        a = path[i - 2]
        b = path[i - 1]
        c = path[i]
        if (b[0] - a[0], b[1] - a[1]) != (c[0] - b[0], c[1] - b[1]):
            n += 1
    return n


def entry_point(argv):
    s = find(MAZE, "S")
    e = find(MAZE, "E")
    print("start", s, "end", e, "missing", find(MAZE, "Q"))
    path, visited = bfs(MAZE, s, e)
    print("length", len(path) - 1, "visited", visited, "turns", turns(path))
    for line in draw(MAZE, path):
        print(line)
    walled = MAZE[:]
    walled[7] = walled[7][:10] + "#" + walled[7][11:]
    walled[6] = "#" * 15
    path2, visited2 = bfs(walled, s, e)
    print("blocked:", path2, visited2)
    dists = {}
    for target in [(1, 9), (13, 1), (13, 9), (5, 5)]:
        p, v = bfs(MAZE, s, target)
        dists[target] = len(p) - 1
    for k, v in sorted(dists.items()):
        print(k, v)
    print(max(dists.values()), min([v for v in dists.values() if v > 0]))
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(entry_point(sys.argv))

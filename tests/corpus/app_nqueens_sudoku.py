class Board(object):
    def __init__(self, n):
        self.n = n
        self.cols = [False] * n
        self.d1 = [False] * (2 * n)
        self.d2 = [False] * (2 * n)
        self.pos = [-1] * n
        self.solutions = 0
        self.first = []

    def place(self, row):
        if row == self.n:
            self.solutions += 1
            if self.solutions == 1:
                self.first = self.pos[:]
            return
        for c in range(self.n):
            a = row + c
            b = row - c + self.n
            if self.cols[c] or self.d1[a] or self.d2[b]:
                continue
            self.cols[c] = self.d1[a] = self.d2[b] = True
            self.pos[row] = c
            self.place(row + 1)
            self.cols[c] = self.d1[a] = self.d2[b] = False
        self.pos[row] = -1


def draw(pos):
    n = len(pos)
    for r in range(n):
        line = ""
        for c in range(n):
            if pos[r] == c:
                line += "Q "
            else:
                line += ". "
        print(line.rstrip())


def parse_grid(s):
    grid = []
    for ch in s:
        if ch == ".":
            grid.append(0)
        elif ch.isdigit():
            grid.append(int(ch))
    if len(grid) != 81:
        raise ValueError("grid has %d cells" % len(grid))
    return grid


def candidates(grid, idx):
    r = idx // 9
    c = idx % 9
    used = [False] * 10
    for k in range(9):
        used[grid[r * 9 + k]] = True
        used[grid[k * 9 + c]] = True
    br = (r // 3) * 3
    bc = (c // 3) * 3
    for dr in range(3):
        for dc in range(3):
            used[grid[(br + dr) * 9 + bc + dc]] = True
    return [d for d in range(1, 10) if not used[d]]


def solve(grid, stats):
    best = -1
    best_c = []
    for i in range(81):
        if grid[i] == 0:
            cs = candidates(grid, i)
            if best == -1 or len(cs) < len(best_c):
                best = i
                best_c = cs
                if len(cs) <= 1:
                    break
    if best == -1:
        return True
    for d in best_c:
        grid[best] = d
        stats[0] += 1
        if solve(grid, stats):
            return True
    grid[best] = 0
    stats[1] += 1
    return False


def show_grid(grid):
    for r in range(9):
        if r % 3 == 0 and r > 0:
            print("------+-------+------")
        row = []
        for c in range(9):
            if c % 3 == 0 and c > 0:
                row.append("|")
            row.append(str(grid[r * 9 + c]))
        print(" ".join(row))


def entry_point(argv):
    for n in range(1, 10):
        b = Board(n)
        b.place(0)
        print("queens(%d) = %d first=%s" % (n, b.solutions, b.first))
    b = Board(6)
    b.place(0)
    draw(b.first)
    puzzle = ("53..7...." "6..195..." ".98....6." "8...6...3" "4..8.3..1"
              "7...2...6" ".6....28." "...419..5" "....8..79")
    grid = parse_grid(puzzle)
    stats = [0, 0]
    ok = solve(grid, stats)
    print("solved:", ok, "guesses:", stats[0], "backtracks:", stats[1])
    show_grid(grid)
    try:
        parse_grid("123")
    except ValueError as e:
        print("error:", e)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

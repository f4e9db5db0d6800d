# Lists of lists built at module level: a board mutated in place, rows
# replaced by new lists, and a growing history of boards.
SIZE = 8
BOARD = [[0] * SIZE for _ in range(SIZE)]
GRID = [[c for c in "abc"], [c for c in "def"]]
HISTORY = []
WEIGHTS = [0.5, 1.25, 2.0]
FLAGS = [True, False, True]


def place(row, col, v):
    BOARD[row][col] = v


def count():
    total = 0
    for row in BOARD:
        for v in row:
            total += v
    return total


def snapshot():
    HISTORY.append([row[:] for row in BOARD])


def entry_point(argv):
    for i in range(SIZE):
        place(i, i, i + 1)
        place(i, SIZE - 1 - i, 2)
        snapshot()
    print(count(), BOARD[3])
    BOARD[0] = [9] * SIZE
    BOARD.append([1, 2, 3])
    print(count(), len(BOARD), BOARD[-1])
    print(len(HISTORY), HISTORY[0][0], HISTORY[7][7])
    GRID[1].append("g")
    GRID.append(["x"])
    out = []
    for r in GRID:
        out.append("".join(r))
    print("/".join(out))
    s = 0.0
    for w in WEIGHTS:
        s += w
    WEIGHTS.append(s)
    print(WEIGHTS)
    FLAGS[1] = not FLAGS[1]
    print(FLAGS, all(FLAGS))
    # Many allocations while the prebuilt lists hold young objects.
    for k in range(2000):
        HISTORY.append([[k]])
        if len(HISTORY) > 50:
            del HISTORY[8:]
    print(len(HISTORY), HISTORY[-1], HISTORY[2][2])
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(entry_point(sys.argv))

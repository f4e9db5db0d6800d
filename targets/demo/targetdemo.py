"""A small shipped example: an ASCII picture of the Mandelbrot set.

Usage: targetdemo-c [ROWS]   (default 24 rows; the picture is 2.5x as wide)

Runs unchanged on CPython (python3 targetdemo.py 30) and translated
(rpython targets/demo/targetdemo.py && ./targets/demo/targetdemo-c 30).
"""

MAX_ITER = 200
NSHADES = 10


def escape_time(cr, ci):
    """How many steps z -> z*z + c takes to leave the radius-2 disc."""
    zr = 0.0
    zi = 0.0
    for i in range(MAX_ITER):
        zr2 = zr * zr
        zi2 = zi * zi
        if zr2 + zi2 > 4.0:
            return i
        zi = 2.0 * zr * zi + ci
        zr = zr2 - zi2 + cr
    return MAX_ITER


def shade(n):
    """One character for an escape time: dense for points in the set."""
    if n >= MAX_ITER:
        return "@"
    level = 0
    while n > 1 and level < NSHADES - 2:
        n = n // 2
        level += 1
    if level == 0:
        return " "
    elif level == 1:
        return "."
    elif level == 2:
        return ":"
    elif level == 3:
        return "-"
    elif level == 4:
        return "="
    elif level == 5:
        return "+"
    elif level == 6:
        return "*"
    elif level == 7:
        return "%"
    return "#"


def entry_point(argv):
    rows = 24
    if len(argv) > 1:
        rows = int(argv[1])
    if rows < 2:
        print("need at least 2 rows")
        return 2
    cols = rows * 5 // 2
    inside = 0
    for y in range(rows):
        ci = 1.2 - 2.4 * y / (rows - 1)
        line = ""
        for x in range(cols):
            cr = -2.2 + 3.0 * x / (cols - 1)
            n = escape_time(cr, ci)
            if n >= MAX_ITER:
                inside += 1
            line += shade(n)
        print(line)
    total = rows * cols
    print("points inside:", inside, "of", total, "=", 100.0 * inside / total, "%")
    return 0


def target(driver, args):
    return entry_point, None


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

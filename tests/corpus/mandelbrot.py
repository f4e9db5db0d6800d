# args: 24
def mandel(cr, ci, limit):
    zr = 0.0
    zi = 0.0
    for i in range(limit):
        zr2 = zr * zr
        zi2 = zi * zi
        if zr2 + zi2 > 4.0:
            return i
        zi = 2.0 * zr * zi + ci
        zr = zr2 - zi2 + cr
    return limit


def entry_point(argv):
    rows = 16
    if len(argv) > 1:
        rows = int(argv[1])
    cols = rows * 3
    for y in range(rows):
        line = ""
        ci = -1.2 + 2.4 * y / (rows - 1)
        for x in range(cols):
            cr = -2.1 + 2.7 * x / (cols - 1)
            n = mandel(cr, ci, 50)
            if n >= 50:
                line += "#"
            elif n > 10:
                line += "+"
            elif n > 4:
                line += "."
            else:
                line += " "
        print(line)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

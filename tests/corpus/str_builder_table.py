from rpython.rlib.rstring import StringBuilder


def table(rows, cols):
    sb = StringBuilder()
    for r in range(rows):
        for c in range(cols):
            if c > 0:
                sb.append(" | ")
            cell = "%d" % ((r + 1) * (c + 1))
            sb.append_multiple_char(" ", 3 - len(cell))
            sb.append(cell)
        sb.append("\n")
        if r == 0:
            sb.append_multiple_char("-", cols * 6 - 3)
            sb.append("\n")
    return sb.build()


def entry_point(argv):
    t = table(6, 7)
    print(t, end="")
    lines = t.splitlines()
    print(len(lines), len(t))
    sb = StringBuilder()
    word = "abcdefghij"
    for i in range(len(word)):
        sb.append_slice(word, i, len(word))
        sb.append(",")
    s = sb.build()
    print(s, sb.getlength(), s.count(","))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

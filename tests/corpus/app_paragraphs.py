from rpython.rlib.rstring import StringBuilder


def wrap(text, width):
    lines = []
    cur = []
    cur_len = 0
    for word in text.split():
        extra = len(word) if not cur else len(word) + 1
        if cur and cur_len + extra > width:
            lines.append(cur)
            cur = [word]
            cur_len = len(word)
        else:
            cur.append(word)
            cur_len += extra
    if cur:
        lines.append(cur)
    return lines


def justify(words, width):
    if len(words) == 1:
        return words[0].ljust(width)
    total = 0
    for w in words:
        total += len(w)
    gaps = len(words) - 1
    spaces = width - total
    sb = StringBuilder()
    for i in range(len(words)):
        sb.append(words[i])
        if i < gaps:
            n = spaces // gaps
            if i < spaces % gaps:
                n += 1
            sb.append(" " * n)
    return sb.build()


def render(text, width, mode):
    out = StringBuilder()
    lines = wrap(text, width)
    for i in range(len(lines)):
        words = lines[i]
        if mode == "justify" and i < len(lines) - 1:
            line = justify(words, width)
        elif mode == "right":
            line = " ".join(words).rjust(width)
        elif mode == "center":
            line = " ".join(words).center(width)
        else:
            line = " ".join(words)
        out.append("|")
        out.append(line.ljust(width))
        out.append("|\n")
    return out.build()


TEXT = ("It was the best of times, it was the worst of times, it was the age of "
        "wisdom, it was the age of foolishness, it was the epoch of belief, it was "
        "the epoch of incredulity, it was the season of Light, it was the season of "
        "Darkness.")


def entry_point(argv):
    for width, mode in [(30, "left"), (30, "justify"), (24, "right"), (40, "center"), (12, "justify")]:
        print("== %s %d" % (mode, width))
        print(render(TEXT, width, mode), end="")
    words = TEXT.split()
    sb = StringBuilder(16)
    for w in words[:8]:
        sb.append(w.strip(",.").upper())
        sb.append("/")
    s = sb.build()
    print(s, len(s))
    counts = {}
    for w in words:
        w = w.strip(",.").lower()
        counts[w] = counts.get(w, 0) + 1
    top = [(c, w) for w, c in counts.items() if c > 1]
    top.sort()
    top.reverse()
    print(top)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

# Text wrapping and full justification, centring, a ragged-right box.

PARA = ("It was the best of times, it was the worst of times, it was the age of wisdom, "
        "it was the age of foolishness, it was the epoch of belief, it was the epoch of "
        "incredulity, it was the season of Light, it was the season of Darkness, "
        "it was the spring of hope, it was the winter of despair.")


def greedy(words, width):
    lines = []
    cur = []
    n = 0
    for w in words:
        if cur and n + 1 + len(w) > width:
            lines.append(cur)
            cur = [w]
            n = len(w)
        else:
            n = n + 1 + len(w) if cur else len(w)
            cur.append(w)
    if cur:
        lines.append(cur)
    return lines


def justify(line, width):
    if len(line) == 1:
        return line[0]
    total = sum([len(w) for w in line])
    gaps = len(line) - 1
    spaces = width - total
    each = spaces // gaps
    extra = spaces % gaps
    out = ""
    for i, w in enumerate(line):
        out += w
        if i < gaps:
            out += " " * (each + (1 if i < extra else 0))
    return out


def box(lines, width):
    top = "+" + "-" * (width + 2) + "+"
    res = [top]
    for l in lines:
        res.append("| " + l + " " * (width - len(l)) + " |")
    res.append(top)
    return res


def hyphenate(word, room):
    if room < 3 or len(word) < 6:
        return "", word
    cut = min(room - 1, len(word) - 3)
    return word[:cut] + "-", word[cut:]


def entry_point(argv):
    words = PARA.split()
    for width in (30, 45, 60):
        print("width", width)
        lines = greedy(words, width)
        for i, l in enumerate(lines):
            text = justify(l, width) if i < len(lines) - 1 else " ".join(l)
            print("|" + text.ljust(width) + "|")
    for l in box([" ".join(l) for l in greedy(words[:20], 24)], 24):
        print(l)
    title = "A Tale of Two Cities"
    for w in (10, 21, 30, 31):
        print("[" + title.center(w) + "]", "[" + title.rjust(w, ".") + "]")
    print(hyphenate("incredulity", 6), hyphenate("hope", 6), hyphenate("foolishness", 20))
    longest = max([len(w) for w in words])
    shortest = min([len(w.strip(",.")) for w in words])
    print(longest, shortest, [w for w in words if len(w) == longest])
    print(PARA[:40][::-1], PARA[-10:], PARA[5:60:7], PARA[-1:-20:-3])
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(entry_point(sys.argv))

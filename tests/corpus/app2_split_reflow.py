# Items of a list made by str.split() passed to a function whose result feeds back
# into the loop: the annotator re-flows the block and must keep one list.


def col_row(name):
    return name[0], int(name[1:])


def span(text):
    lo, hi = text.split(":")
    c1, r1 = col_row(lo)
    c2, r2 = col_row(hi)
    return (ord(c2) - ord(c1) + 1) * (r2 - r1 + 1)


def words_lengths(line):
    parts = line.rsplit(" ", 2)
    out = []
    for p in parts:
        out.append(measure(p))
    return out


def measure(w):
    return len(w.strip())


def entry_point(argv):
    for t in ["A1:B2", "C3:C9", "A1:Z1"]:
        print(t, span(t))
    print(words_lengths("the quick brown fox jumps"))
    first = "x=1;y=22;z=333".split(";")
    total = 0
    for item in first:
        k, v = item.split("=")
        total += col_row(k + v)[1]
    print(total)
    lines = "one\ntwo\n\nthree".splitlines()
    print([measure(l) for l in lines])
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(entry_point(sys.argv))

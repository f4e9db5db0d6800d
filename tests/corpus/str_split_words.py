TEXT = """It was the best of times, it was the worst of times,
it was the age of wisdom, it was the age of foolishness,
it was the epoch of belief,   it was the epoch of incredulity"""


def show(l):
    return "[" + "|".join(l) + "]"


def entry_point(argv):
    words = TEXT.split()
    print(len(words))
    longest = ""
    total = 0
    for i in range(len(words)):
        w = words[i].strip(",.").lower()
        total += len(w)
        if len(w) > len(longest):
            longest = w
    print("longest:", longest, "avg*100:", total * 100 // len(words))
    count_was = 0
    for i in range(len(words)):
        if words[i] == "was":
            count_was += 1
    print("was:", count_was, TEXT.count("was"))
    lines = TEXT.splitlines()
    for i in range(len(lines)):
        print(i, len(lines[i].split()), lines[i].split(",")[0])
    print(show("a,b,,c".split(",")), show("a b c d".split(" ", 2)), show("a b c d".rsplit(" ", 2)))
    print(show("  x  y  ".split()), show("".split()), show("".split(",")), show("x".split("x")))
    print(show("1-2-3".rsplit("-", 1)), show("k=v=w".split("=", 1)), show(" a  b ".split(None, 1)))
    print(show("a\tb\nc  d".split()), show("x--y--z".split("--")), show("  a b  ".rsplit(None, 1)))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

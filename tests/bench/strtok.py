# String-heavy benchmark: tokenizes a built source text over and over with
# s[i], ==, + and slicing, and counts keywords (str helper graphs).

KEYWORDS = ["def", "return", "if", "else", "while", "for", "in"]


def make_source(n):
    parts = []
    for i in range(n):
        parts.append("def f%d(x, y):\n    if x < y: return x + %d\n" % (i, i))
        parts.append("    while x > 0: x = x - 1 # loop %d\n    return y\n" % i)
    return "".join(parts)


def tokenize(src):
    count = 0
    keywords = 0
    longest = ""
    cur = ""
    i = 0
    n = len(src)
    while i < n:
        c = src[i]
        if c == " " or c == "\n" or c == "(" or c == ")" or c == ":" or c == ",":
            if cur != "":
                count += 1
                for k in KEYWORDS:
                    if cur == k:
                        keywords += 1
                if len(cur) > len(longest):
                    longest = cur
                cur = ""
        elif c == "#":
            j = src.find("\n", i)
            if j < 0:
                j = n
            count += 1
            cur = ""
            i = j
            continue
        else:
            cur = cur + c
        i += 1
    return count, keywords, longest


def entry_point(argv):
    rounds = int(argv[1]) if len(argv) > 1 else 20
    src = make_source(2000)
    total = 0
    kw = 0
    longest = ""
    for r in range(rounds):
        count, keywords, lg = tokenize(src)
        total += count
        kw += keywords
        if len(lg) > len(longest):
            longest = lg
    print(total, kw, longest, len(src))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

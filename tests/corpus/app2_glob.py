# Regex-free glob matching with *, ?, [abc], [a-z], [!x], written with early returns.


def match_class(pat, pi, ch):
    # returns (matched, index after the class) or (False, -1) when the class is malformed
    i = pi + 1
    negate = False
    if i < len(pat) and pat[i] == "!":
        negate = True
        i += 1
    found = False
    first = True
    while i < len(pat) and (pat[i] != "]" or first):
        first = False
        if i + 2 < len(pat) and pat[i + 1] == "-" and pat[i + 2] != "]":
            if pat[i] <= ch <= pat[i + 2]:
                found = True
            i += 3
        else:
            if pat[i] == ch:
                found = True
            i += 1
    if i >= len(pat):
        return False, -1
    return found != negate, i + 1


def glob(pat, s, pi=0, si=0):
    while pi < len(pat):
        c = pat[pi]
        if c == "*":
            while pi < len(pat) and pat[pi] == "*":
                pi += 1
            if pi == len(pat):
                return True
            for k in range(si, len(s) + 1):
                if glob(pat, s, pi, k):
                    return True
            return False
        if si >= len(s):
            return False
        if c == "?":
            pi += 1
            si += 1
            continue
        if c == "[":
            ok, nxt = match_class(pat, pi, s[si])
            if nxt < 0:
                if s[si] != "[":
                    return False
                pi += 1
                si += 1
                continue
            if not ok:
                return False
            pi = nxt
            si += 1
            continue
        if c != s[si]:
            return False
        pi += 1
        si += 1
    return si == len(s)


def filter_names(pat, names):
    return [n for n in names if glob(pat, n)]


NAMES = ["main.py", "main.pyc", "test_main.py", "README", "readme.txt", "a", "ab", "abc",
         "data[1].csv", "x-y", "setup.cfg", "Makefile", "", "***", "a.b.c"]

PATTERNS = ["*.py", "*.py?", "test_*", "[Rr][Ee]*", "?", "??", "a*c", "*[0-9]*", "[!a-m]*",
            "*", "", "[a-c]", "x[-]y", "data[1].csv", "*.*.*", "[", "*[", "M*e", "**a**"]


def entry_point(argv):
    total = 0
    for i, pat in enumerate(PATTERNS):
        got = filter_names(pat, NAMES)
        total += len(got)
        print("%2d %-12r -> %s" % (i, pat, ", ".join([repr(g) for g in got])))
    print("total", total)
    counts = {}
    for n in NAMES:
        for p in PATTERNS:
            if glob(p, n):
                counts[n] = counts.get(n, 0) + 1
    for k, v in sorted(counts.items()):
        print(k.ljust(14), "#" * v)
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(entry_point(sys.argv))

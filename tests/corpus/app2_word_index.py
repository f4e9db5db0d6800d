# A concordance: word positions per line, longest lines, n-grams, with while-True tokenizing.

TEXT = [
    "Shall I compare thee to a summer's day?",
    "Thou art more lovely and more temperate:",
    "Rough winds do shake the darling buds of May,",
    "And summer's lease hath all too short a date;",
    "Sometime too hot the eye of heaven shines,",
    "And often is his gold complexion dimm'd;",
]


def tokens(line):
    out = []
    i = 0
    while True:
        while i < len(line) and not (line[i].isalpha() or line[i] == "'"):
            i += 1
        if i >= len(line):
            break
        j = i
        while j < len(line) and (line[j].isalpha() or line[j] == "'"):
            j += 1
        out.append(line[i:j].lower())
        i = j
    return out


class Entry(object):
    def __init__(self, word):
        self.word = word
        self.where = []

    def add(self, line, col):
        self.where.append((line, col))
        return self


def concordance(lines):
    index = {}
    for ln, line in enumerate(lines):
        for col, w in enumerate(tokens(line)):
            if w not in index:
                index[w] = Entry(w)
            index[w].add(ln + 1, col + 1)
    return index


def ngrams(words, n):
    return [" ".join(words[i:i + n]) for i in range(len(words) - n + 1)]


def entry_point(argv):
    idx = concordance(TEXT)
    multi = [w for w in sorted(idx.keys()) if len(idx[w].where) > 1]
    for w in multi:
        print("%-10s %s" % (w, " ".join(["%d:%d" % (a, b) for a, b in idx[w].where])))
    allw = []
    for line in TEXT:
        allw += tokens(line)
    print(len(allw), len(idx), "%.4f" % (float(len(idx)) / len(allw)))
    bi = {}
    for g in ngrams(allw, 2):
        bi[g] = bi.get(g, 0) + 1
    print([g for g, c in bi.items() if c > 1])
    lens = sorted([(len(l), -i) for i, l in enumerate(TEXT)])
    print("longest", TEXT[-lens[-1][1]], "shortest", TEXT[-lens[0][1]])
    caps = "".join([l[0] for l in TEXT])
    print(caps, caps.lower(), caps[::-1].upper(), caps.count("S"), caps.find("A"), caps.rfind("A"))
    vowels = sum([1 for w in allw for ch in w if ch in "aeiou"])
    print("vowels", vowels, "apostrophes", sum([w.count("'") for w in allw]))
    print(tokens("  ...  "), tokens("x"), tokens("don't-stop"))
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(entry_point(sys.argv))

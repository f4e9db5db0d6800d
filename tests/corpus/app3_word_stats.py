# Text statistics: word counts, bigrams, stop words, sentence splitting, capitalisation, a concordance and a histogram.

TEXT = """It was the best of times, it was the worst of times, it was the age of wisdom,
it was the age of foolishness, it was the epoch of belief, it was the epoch of incredulity,
it was the season of Light, it was the season of Darkness, it was the spring of hope,
it was the winter of despair. We had everything before us; we had nothing before us!
Were we all going direct to Heaven? We were all going direct the other way..."""

STOP = {}
for _w in "it was the of a to we us had all".split():
    STOP[_w] = True


def words_of(text):
    out = []
    cur = []
    for ch in text:
        if ch.isalpha() or ch == "'":
            cur.append(ch.lower())
        elif cur:
            out.append("".join(cur))
            cur = []
    if cur:
        out.append("".join(cur))
    return out


def sentences(text):
    result = []
    start = 0
    i = 0
    while i < len(text):
        if text[i] in ".!?":
            j = i
            while j + 1 < len(text) and text[j + 1] in ".!?":
                j += 1
            s = text[start:j + 1].replace("\n", " ").strip()
            if s:
                result.append(s)
            start = j + 1
            i = j
        i += 1
    tail = text[start:].strip()
    if tail:
        result.append(tail)
    return result


def top(counts, n):
    pairs = [(-c, w) for w, c in counts.items()]
    pairs.sort()
    return [(w, -c) for c, w in pairs[:n]]


def title_case(s):
    return " ".join([w[:1].upper() + w[1:].lower() for w in s.split(" ")])


def entry_point(argv):
    words = words_of(TEXT)
    print("words", len(words), "distinct", len(set_of(words)))
    counts = {}
    for w in words:
        counts[w] = counts.get(w, 0) + 1
    print("top", top(counts, 6))
    content = {}
    for w in words:
        if w not in STOP:
            content[w] = content.get(w, 0) + 1
    print("content", top(content, 6))
    bigrams = {}
    for i in range(len(words) - 1):
        key = (words[i], words[i + 1])
        bigrams[key] = bigrams.get(key, 0) + 1
    best = top(dict_of_str_keys(bigrams), 4)
    print("bigrams", best)
    for s in sentences(TEXT):
        print("%3d | %s" % (len(s), s[:60] + ("..." if len(s) > 60 else "")))
    lengths = {}
    for w in words:
        lengths[len(w)] = lengths.get(len(w), 0) + 1
    for n in sorted(lengths.keys()):
        print("%2d %-30s %d" % (n, "#" * lengths[n], lengths[n]))
    print(title_case("the tALE of two CITIES"), "|", TEXT[:20].upper(), "|", TEXT.count("it was"), TEXT.find("Heaven"), TEXT.rfind("we"))
    idx = []
    for i, w in enumerate(words):
        if w == "season" or w == "epoch":
            idx.append(" ".join(words[max(0, i - 2):i + 3]))
    print(idx)
    return 0


def set_of(words):
    seen = {}
    for w in words:
        seen[w] = None
    return list(seen.keys())


def dict_of_str_keys(bigrams):
    out = {}
    for (a, b), c in bigrams.items():
        out[a + " " + b] = c
    return out


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

def build_text():
    lines = [
        "The quick brown fox jumps over the lazy dog.",
        "The dog barks; the fox runs away, quickly!",
        "A lazy afternoon: the sun, the dog, and the fox.",
        "Quick thinking saves the day -- or so they say.",
        "   Over and over, the story repeats itself.   ",
    ]
    return "\n".join(lines)


def normalize(word):
    out = []
    for ch in word.lower():
        if ch.isalpha() or ch == "'":
            out.append(ch)
    return "".join(out)


def count_words(text):
    counts = {}
    total = 0
    for line in text.split("\n"):
        for raw in line.strip().split():
            w = normalize(raw)
            if w == "":
                continue
            counts[w] = counts.get(w, 0) + 1
            total += 1
    return counts, total


def by_count_then_word(counts):
    pairs = []
    for w, c in counts.items():
        pairs.append((-c, w))
    pairs.sort()
    result = []
    for negc, w in pairs:
        result.append((w, -negc))
    return result


def letter_histogram(text):
    hist = [0] * 26
    for ch in text.lower():
        if "a" <= ch <= "z":
            hist[ord(ch) - ord("a")] += 1
    return hist


def entry_point(argv):
    text = build_text()
    counts, total = count_words(text)
    print("total words:", total, "distinct:", len(counts))
    ranked = by_count_then_word(counts)
    for i in range(len(ranked)):
        w, c = ranked[i]
        if i < 12:
            print("%2d. %-10s %3d %s" % (i + 1, w, c, "*" * c))
    singles = [w for w, c in ranked if c == 1]
    print("singletons:", len(singles), singles[:5])
    longest = ""
    for w in counts:
        if len(w) > len(longest) or (len(w) == len(longest) and w < longest):
            longest = w
    print("longest word:", repr(longest), len(longest))
    hist = letter_histogram(text)
    top = []
    for i in range(26):
        if hist[i] > 0:
            top.append((hist[i], chr(ord("a") + i)))
    top.sort()
    top.reverse()
    print("top letters:", top[:6])
    lens = {}
    for w in counts:
        n = len(w)
        if n not in lens:
            lens[n] = []
        lens[n].append(w)
    keys = sorted(list(lens.keys()))
    for n in keys:
        ws = lens[n]
        ws.sort()
        print(f"len {n:2d}: {', '.join(ws)}")
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

TEXT = "the quick brown fox jumps over the lazy dog the fox barks and the dog runs"


def count_words(text):
    counts = {}
    word = ""
    for ch in text + " ":
        if ch == " ":
            if word != "":
                counts[word] = counts.get(word, 0) + 1
            word = ""
        else:
            word = word + ch
    return counts


def entry_point(argv):
    counts = count_words(TEXT)
    for w in counts:
        print(w, counts[w])
    best = ""
    bestn = 0
    for w, n in counts.items():
        if n > bestn:
            best = w
            bestn = n
    print("most common:", best, bestn)
    print(len(counts))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

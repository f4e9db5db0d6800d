TEXT = "the cat sat on the mat the dog sat on the log and the cat saw the dog"


def count_word(words, w):
    n = 0
    for i in range(len(words)):
        if words[i] == w:
            n += 1
    return n


def seen_before(words, i):
    for j in range(i):
        if words[j] == words[i]:
            return True
    return False


def entry_point(argv):
    words = TEXT.split()
    print("words:", len(words))
    for i in range(len(words)):
        if not seen_before(words, i):
            n = count_word(words, words[i])
            print("%-4s %2d %s" % (words[i], n, "#" * n))
    joined = " ".join(words)
    print(joined == TEXT, len(joined))
    print(", ".join(TEXT.split(" the ")))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

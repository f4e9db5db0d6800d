def letter_counts(s):
    out = ""
    letters = "abcdefghijklmnopqrstuvwxyz"
    low = s.lower()
    for i in range(len(letters)):
        n = low.count(letters[i])
        if n > 0:
            out += letters[i] + str(n)
    return out


def entry_point(argv):
    pairs = "listen silent|Dormitory dirtyroom|hello world|The eyes They see|abc abd".split("|")
    for i in range(len(pairs)):
        p = pairs[i]
        k = p.rfind(" ")
        a = p[:k].replace(" ", "")
        b = p[k + 1:]
        ca = letter_counts(a)
        cb = letter_counts(b)
        print("%-20s %-5s %s" % (p, ca == cb, ca))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

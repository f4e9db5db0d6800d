def count_in(s, chars):
    n = 0
    for i in range(len(s)):
        if s[i] in chars:
            n += 1
    return n


def entry_point(argv):
    lines = "Programming in RPython|is fun and FAST|xyz|AEIOU aeiou".split("|")
    for i in range(len(lines)):
        l = lines[i]
        v = count_in(l.lower(), "aeiou")
        c = count_in(l.lower(), "bcdfghjklmnpqrstvwxyz")
        print("%-24s vowels=%d consonants=%d spaces=%d" % (l, v, c, l.count(" ")))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

def count_vowels(s):
    n = 0
    for c in s:
        if c in "aeiou":
            n += 1
    return n


def checksum(b):
    s = 0
    for x in b:
        s = (s * 31 + x) % 65521
    return s


def entry_point(argv):
    print(count_vowels("the quick brown fox"))
    print(checksum(b"hello world"))
    rev = ""
    for c in reversed("stressed"):
        rev += c
    print(rev)
    for i, c in enumerate("héllo"):
        print(i, c)
    pairs = []
    for a, b in zip("abc", [1, 2, 3]):
        pairs.append(a * b)
    print(pairs)
    print(list(b"AZ"), sorted("banana"))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

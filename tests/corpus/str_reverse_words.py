def reverse_words(s):
    words = s.split()
    out = ""
    i = len(words) - 1
    while i >= 0:
        out += words[i]
        if i > 0:
            out += " "
        i -= 1
    return out


def reverse_each(s):
    words = s.split(" ")
    res = ""
    for i in range(len(words)):
        if i > 0:
            res += " "
        res += words[i][::-1]
    return res


def entry_point(argv):
    s = "  the sky   is blue  "
    print("[" + reverse_words(s) + "]")
    print("[" + reverse_each("hello world foo") + "]")
    print("racecar"[::-1] == "racecar", "abc"[::-1])
    n = 12345
    print(int(str(n)[::-1]) + 1)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

def flags(s):
    r = ""
    if s.isdigit():
        r += "D"
    if s.isalpha():
        r += "A"
    if s.isalnum():
        r += "N"
    if s.isspace():
        r += "S"
    if s.isupper():
        r += "U"
    if s.islower():
        r += "L"
    if s.istitle():
        r += "T"
    return r


def entry_point(argv):
    words = "hello|WORLD|Title Case|123|abc123| \t|MiXeD|Hello world|a1 B2||x".split("|")
    for i in range(len(words)):
        w = words[i]
        print(repr(w), flags(w), w.upper(), w.lower(), w.capitalize(), w.title(), w.swapcase())
    print("ßtraße".upper(), "ÀÉÎ".lower(), "they're bill's".title())
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

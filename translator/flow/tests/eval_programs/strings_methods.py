# Case mappings and predicates, line splitting and search bounds.


def flags(s):
    r = ""
    if s.isupper():
        r += "U"
    if s.islower():
        r += "L"
    if s.istitle():
        r += "T"
    if s.isspace():
        r += "S"
    return r


def entry_point(argv):
    words = ["hello", "WORLD", "Title Case", "abc123", " \t", "MiXeD", "Hello world", "a1 B2", "", "x",
             "\u01c5ungla", "\u01c6ungla", "stra\xdfe", "\u1f80\u1f00", "\u03a3\u0391\u03a3", "\u039f\u0394\u039f\u03a3 \u03a3",
             "\u03a3\u03b9.\u03a3", "they're bill's", "\u05d0b c", "\x1c\x1f", "1st 2nd", "\ufb01ne", "\u0149x"]
    for w in words:
        print(repr(w), flags(w), repr(w.swapcase()), repr(w.title()), repr(w.capitalize()), repr(w.lower()), repr(w.upper()))
    bs = [b"hello World", b"ABC def", b"Ab Cd", b"caf\xe9 CAF\xc9", b" \x0b\x1c"]
    for b in bs:
        print(b, b.isupper(), b.islower(), b.istitle(), b.isspace(), b.swapcase(), b.title(), b.capitalize())
    text = "one\ntwo\r\nthree\rfour\x0bfive\x0csix\x1cseven\x85eight\u2028nine\u2029ten\r\n"
    print(text.splitlines())
    print(text.splitlines(True))
    print(text.splitlines(keepends=True) == text.splitlines(True))
    print(b"a\nb\r\nc\rd\x0be\x85".splitlines(), b"x\r\n".splitlines(True))
    print("".splitlines(), "\n".splitlines(), "a\n\nb".splitlines(), "\r\r\n".splitlines(True))
    s = "hello world"
    print(s.startswith("world", 6), s.endswith("hello", 0, 5), s.startswith("hello", 1), s.endswith(""), s.startswith("", 20))
    print(s.startswith("", 11), s.startswith("", 12), s.endswith("d", -1), s.endswith("o", -7, -6), s.startswith("lo", -8, -6), s.startswith("lo", -8, -7))
    print(s.startswith(("x", "he")), s.endswith(("x", "y")), s.startswith(("",), 5, 3), s.endswith("", 5, 5), b"abc".startswith(b"b", 1))
    print(s.find("", 11), s.find("", 12), s.rfind("", 20), s.count("", 11), s.count("", 12), s.count("o", 5, 2), s.find("o", -4), s.rfind("o", 0, -4))
    try:
        s.startswith(1)
    except TypeError as e:
        print(e)
    try:
        s.startswith(("a", 1))
    except TypeError as e:
        print(e)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

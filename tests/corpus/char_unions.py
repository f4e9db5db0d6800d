# Chars (one-character strs as machine words) meeting strs: every place a
# char becomes a str object must convert, and equality with a str of
# another length is False.


class Token(object):
    def __init__(self, text):
        self.text = text


def first_or_word(s, whole):
    # A char on one path, a longer str on the other: the result is a str.
    if whole:
        return s
    return s[0]


def last(s):
    # Only a char is returned.
    return s[len(s) - 1]


def pick(s, i):
    c = s[i]
    if c == "x":
        c = "ex"  # the variable becomes a str here
    return c


def maybe(s, i):
    if i < 0:
        return None
    return s[i]


def entry_point(argv):
    s = "hello, world"
    c = s[4]
    print(c, s[0], s[-1])
    print(str(c), repr(c), "%s|%r" % (c, c), f"<{c}>", "[" + c + "]")
    print(c * 3, c + "x", "x" + c, c.upper(), len(c))
    print(c == "o", c == "oo", c != "oo", c == "", "oo" == c, c < "p", c > "nz")
    print(c == s[8], c != s[8], s[0] < s[1], s[1] >= s[0])
    print(first_or_word("abc", True), first_or_word("abc", False), last("xyz"))
    print(pick("axb", 0), pick("axb", 1), pick("axb", 2))
    print(maybe("ab", -1), maybe("ab", 1), maybe("ab", 0) is None)
    t = Token("start")
    t.text = s[7]
    print(t.text, len(t.text))
    t.text = t.text + s[8]
    print(t.text)
    words = ["ab", s[3]]
    words.append(s[5])
    print(words, ",".join(words), "".join([s[i] for i in range(0, len(s), 2)]))
    counts = {}
    for ch in s:
        counts[ch] = counts.get(ch, 0) + 1
    keys = sorted(counts.keys())
    print(keys, [counts[k] for k in keys])
    print(max(s[0], s[1]), min(s[0], s[1]), max("a", c), min(c, "zz"))
    pair = (c, s[1])
    print(pair, pair[0] + pair[1])
    print(ord(c), ord("A"), chr(ord(c) + 1), chr(65) + chr(0x263A), ord(chr(300)))
    acc = ""
    for ch in s:
        if ch != " ":
            acc = ch + acc
    print(acc)
    x = "-"
    for ch in "abc":
        x = ch
    print(x, x == "c")
    print("%5s|%-3s|%c" % (c, s[0], s[1]))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

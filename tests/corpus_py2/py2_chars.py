# Chars in the py2 dialect: a byte string's items are one-character strs,
# represented as words; they meet longer strs, print statements, %
# formatting, dict keys and lists.
import sys


def kind(c):
    if c == "+" or c == "-":
        return "sign"
    elif c in "0123456789":
        return "digit"
    elif c.isalpha():
        return "alpha"
    elif c == " ":
        return "space"
    return "other:" + c


def tokens(s):
    out = []
    cur = ""
    for c in s:
        if c == " ":
            if cur:
                out.append(cur)
            cur = ""
        else:
            cur += c
    if cur:
        out.append(cur)
    return out


def entry_point(argv):
    s = "a1 +b2 - \x80\x81!"
    print [kind(c) for c in s]
    print tokens(s)
    c = s[1]
    print c, repr(c), "%s%s" % (c, c), c * 2, c == "1", c == "12", ord(c), chr(ord(c) + 1)
    seen = {}
    for ch in s:
        seen[ch] = seen.get(ch, 0) + 1
    print sorted(seen.items())
    print s[-1], s[-2] == "\x81", ord(s[-2]), s[0] < s[1], max(s[0], s[1])
    print c,
    print s[0]
    return 0


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))

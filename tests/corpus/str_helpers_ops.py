# String ops lowered to helper graphs: indexing (negative, out of range),
# concatenation in loops, equality, slicing with step 1, ord/chr round
# trips, `in` of one character, startswith/endswith, find of a character,
# and the same for bytes.


def index_all(s):
    out = []
    for i in range(-len(s), len(s)):
        out.append(s[i])
    return "".join(out)


def try_index(s, i):
    try:
        return s[i]
    except IndexError as e:
        return "IndexError: " + str(e)


def try_chr(n):
    try:
        return chr(n)
    except ValueError as e:
        return "ValueError: " + str(e)


def tokenize(src):
    toks = []
    cur = ""
    i = 0
    while i < len(src):
        c = src[i]
        if c == " " or c == "," or c == "(" or c == ")":
            if cur != "":
                toks.append(cur)
                cur = ""
            if c != " ":
                toks.append(c)
        else:
            cur = cur + c
        i += 1
    if cur != "":
        toks.append(cur)
    return toks


def slices(s):
    out = []
    for a in range(-len(s) - 2, len(s) + 2):
        out.append(s[a:])
        out.append(s[:a])
        for b in range(-2, 3):
            out.append(s[a:b])
    return out


def entry_point(argv):
    s = "hello, w\u00f6rld \u263a!"
    print(index_all(s))
    print(try_index(s, len(s)))
    print(try_index(s, -len(s) - 1))
    print(try_index("", 0))
    print(try_index(s, -1))
    acc = ""
    for i in range(40):
        acc = acc + chr(97 + i % 26)
        acc += str(i % 10)
    print(acc, len(acc))
    print(acc == acc[:] + "", acc != acc + "x", "" == "", "a" == "b", "ab" == "ac")
    x = "abc"
    y = "ab" + "c"
    print(x == y, x != y, x + y, y + x)
    for n in [0, 65, 97, 255, 256, 0x263a, 0x10FFFF, -1, 0x110000]:
        c = try_chr(n)
        if len(c) == 1:
            print(n, ord(c), ord(c) == n)
        else:
            print(n, c)
    roundtrip = ""
    for ch in s:
        roundtrip += chr(ord(ch))
    print(roundtrip == s, roundtrip)
    print("w" in s, "z" in s, "\u263a" in s, "rld" in s, "" in s, "lo," in s)
    print(tokenize("f(a, bb, g(c)) + dd"))
    sl = slices("abcde")
    print(len(sl), ",".join(sl))
    print(s.startswith("hell"), s.startswith("help"), s.startswith(""), s.endswith("!"))
    print(s.endswith("\u263a!"), "ab".startswith("abc"), "ab".endswith("xab"))
    print(s.find("o"), s.find("\u263a"), s.find("q"), s.find("rld"), s.find(""))
    b = b"bytes, too"
    c = b + b"!"
    print(c, b == b"bytes, too", b != c, b[0], b[-1], b[2:5], b[:-4], b[7:])
    print(b.startswith(b"by"), b.endswith(b"oo"), b.find(b"t"), b.find(b"xy"))
    t = b""
    for i in range(5):
        t = t + b[i:i + 1]
    print(t, t == b"bytes", len(t))
    d = {}
    for w in tokenize("a b a c b a"):
        d[w] = d.get(w, 0) + 1
    print(d["a"], d["b"], d["c"])
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

from rpython.rlib.rstring import StringBuilder


def encode(s):
    if len(s) == 0:
        return ""
    sb = StringBuilder()
    prev = s[0]
    n = 1
    for i in range(1, len(s)):
        c = s[i]
        if c == prev:
            n += 1
        else:
            sb.append(str(n))
            sb.append(prev)
            prev = c
            n = 1
    sb.append(str(n))
    sb.append(prev)
    return sb.build()


def decode(s):
    sb = StringBuilder()
    num = 0
    for i in range(len(s)):
        c = s[i]
        if c.isdigit():
            num = num * 10 + ord(c) - ord("0")
        else:
            sb.append_multiple_char(c, num)
            num = 0
    return sb.build()


def entry_point(argv):
    tests = "aaabccddddd|abc|zzzzzzzzzzzz|x||aabbaa".split("|")
    for i in range(len(tests)):
        t = tests[i]
        e = encode(t)
        print(repr(t), repr(e), decode(e) == t)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

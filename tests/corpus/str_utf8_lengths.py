def utf8_len(s):
    n = 0
    for i in range(len(s)):
        c = ord(s[i])
        if c < 0x80:
            n += 1
        elif c < 0x800:
            n += 2
        elif c < 0x10000:
            n += 3
        else:
            n += 4
    return n


def entry_point(argv):
    samples = "plain|Grüße|Ünïcödé|中文字符|🎉🎊 party|mixed é 中 🎉".split("|")
    for i in range(len(samples)):
        s = samples[i]
        b = s.encode("utf-8")
        print("%-14s chars=%2d bytes=%2d ok=%s upper=%s" % (s, len(s), len(b), utf8_len(s) == len(b), s.upper()))
    s = "aé中🎉"
    for i in range(len(s)):
        print(i, s[i], ord(s[i]), repr(s[i].encode("utf-8")))
    print(chr(233) + chr(20013) + chr(127881) == s[1:])
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

def rle_encode(s):
    if not s:
        return ""
    out = []
    prev = s[0]
    n = 1
    for ch in s[1:]:
        if ch == prev and n < 9:
            n += 1
        else:
            out.append(str(n) + prev)
            prev = ch
            n = 1
    out.append(str(n) + prev)
    return "".join(out)


def rle_decode(s):
    out = []
    i = 0
    while i < len(s):
        if not s[i].isdigit():
            raise ValueError("expected digit at %d in %r" % (i, s))
        n = int(s[i])
        if i + 1 >= len(s):
            raise ValueError("truncated input")
        out.append(s[i + 1] * n)
        i += 2
    return "".join(out)


def rle_bytes(data):
    res = []
    i = 0
    while i < len(data):
        j = i
        while j < len(data) and data[j] == data[i] and j - i < 255:
            j += 1
        res.append((j - i, data[i]))
        i = j
    return res


def runs_to_str(runs):
    return " ".join(["%dx%02x" % (n, b) for n, b in runs])


def entry_point(argv):
    samples = ["", "a", "aaaabbbcca", "abcabc", "zzzzzzzzzzzzzzzzzzzzzz",
               "  spaces   here  ", "x" * 9 + "y" * 10]
    for s in samples:
        enc = rle_encode(s)
        dec = rle_decode(enc)
        ratio = 0.0
        if len(s) > 0:
            ratio = len(enc) * 1.0 / len(s)
        print("%-24r -> %-30r ok=%s ratio=%.2f" % (s, enc, dec == s, ratio))
    for bad in ["3a2", "a3", "3a4bx"]:
        try:
            print(rle_decode(bad))
        except ValueError as e:
            print("bad input:", e)
    data = b"\x00\x00\x00\x01\x01\xff" + b"A" * 7 + b"\x00"
    runs = rle_bytes(data)
    print(runs)
    print(runs_to_str(runs))
    back = []
    for n, b in runs:
        for k in range(n):
            back.append(b)
    print(len(back) == len(data), back[:8])
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

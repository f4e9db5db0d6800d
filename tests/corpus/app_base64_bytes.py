ALPHABET = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"


def b64encode(data):
    out = []
    i = 0
    n = len(data)
    while i + 2 < n:
        v = (data[i] << 16) | (data[i + 1] << 8) | data[i + 2]
        out.append(chr(ALPHABET[(v >> 18) & 63]))
        out.append(chr(ALPHABET[(v >> 12) & 63]))
        out.append(chr(ALPHABET[(v >> 6) & 63]))
        out.append(chr(ALPHABET[v & 63]))
        i += 3
    rest = n - i
    if rest == 1:
        v = data[i] << 16
        out.append(chr(ALPHABET[(v >> 18) & 63]))
        out.append(chr(ALPHABET[(v >> 12) & 63]))
        out.append("==")
    elif rest == 2:
        v = (data[i] << 16) | (data[i + 1] << 8)
        out.append(chr(ALPHABET[(v >> 18) & 63]))
        out.append(chr(ALPHABET[(v >> 12) & 63]))
        out.append(chr(ALPHABET[(v >> 6) & 63]))
        out.append("=")
    return "".join(out)


def decode_table():
    table = {}
    for i in range(len(ALPHABET)):
        table[chr(ALPHABET[i])] = i
    return table


def b64decode(s, table):
    if len(s) % 4 != 0:
        raise ValueError("length %d is not a multiple of 4" % len(s))
    out = []
    for i in range(0, len(s), 4):
        chunk = s[i:i + 4]
        pad = chunk.count("=")
        v = 0
        for ch in chunk:
            v <<= 6
            if ch == "=":
                continue
            if ch not in table:
                raise ValueError("invalid character %r" % ch)
            v |= table[ch]
        out.append((v >> 16) & 255)
        if pad < 2:
            out.append((v >> 8) & 255)
        if pad < 1:
            out.append(v & 255)
    return out


def checksum(data):
    a = 1
    b = 0
    for x in data:
        a = (a + x) % 65521
        b = (b + a) % 65521
    return (b << 16) | a


def entry_point(argv):
    table = decode_table()
    samples = [b"", b"f", b"fo", b"foo", b"foob", b"fooba", b"foobar",
               "héllo wörld".encode("utf-8"), b"\x00\xff\x10\x80"]
    for s in samples:
        enc = b64encode(s)
        dec = b64decode(enc, table)
        same = len(dec) == len(s)
        for i in range(len(dec)):
            if dec[i] != s[i]:
                same = False
        print("%-30r %-20s %s adler=%08x" % (s, enc, same, checksum(s)))
    for bad in ["abc", "ab!=", "Zm9v"]:
        try:
            print(bad, "->", b64decode(bad, table))
        except ValueError as e:
            print(bad, "error:", e)
    text = b"The quick brown fox"
    print(text[4:9], text[-3:], text.upper(), text.split(b" "), b"-".join([b"a", b"b"]))
    print(text.find(b"brown"), text.startswith(b"The"), text.replace(b"quick", b"slow"))
    print(text.decode("utf-8"), len(text), text[0], list(text[:3]))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

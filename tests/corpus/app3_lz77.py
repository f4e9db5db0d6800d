# LZ77 and RLE compression over bytes, with a checksum and os.write of the encoded forms.
import os


def rle_encode(data):
    out = []
    i = 0
    while i < len(data):
        b = data[i]
        j = i
        while j < len(data) and data[j] == b and j - i < 255:
            j += 1
        out.append(j - i)
        out.append(b)
        i = j
    return bytes(out)


def rle_decode(data):
    out = []
    for i in range(0, len(data), 2):
        out.extend([data[i + 1]] * data[i])
    return bytes(out)


def lz77_encode(data, window):
    tokens = []
    i = 0
    while i < len(data):
        best_len = 0
        best_off = 0
        start = max(0, i - window)
        for j in range(start, i):
            k = 0
            while i + k < len(data) and data[j + k] == data[i + k] and k < 18:
                k += 1
            if k > best_len:
                best_len = k
                best_off = i - j
        if best_len >= 3:
            tokens.append((best_off, best_len, -1))
            i += best_len
        else:
            tokens.append((0, 0, data[i]))
            i += 1
    return tokens


def lz77_decode(tokens):
    out = []
    for off, length, lit in tokens:
        if length == 0:
            out.append(lit)
        else:
            start = len(out) - off
            for k in range(length):
                out.append(out[start + k])
    return bytes(out)


def pack(tokens):
    out = []
    for off, length, lit in tokens:
        if length == 0:
            out.append(0)
            out.append(lit)
        else:
            out.append(0x80 | (length - 3))
            out.append(off & 0xff)
            out.append(off >> 8)
    return bytes(out)


def adler32(data):
    a = 1
    b = 0
    for x in data:
        a = (a + x) % 65521
        b = (b + a) % 65521
    return (b << 16) | a


def hexdump(data, limit):
    return " ".join(["%02x" % x for x in data[:limit]]) + (" ..." if len(data) > limit else "")


SAMPLES = [
    b"aaaaaaaaaabbbbbbbbbbbbcccd",
    b"abcabcabcabcabcabcabcabc",
    b"the rain in spain falls mainly on the plain; the rain in spain",
    b"",
    b"\x00\x00\x00\xff\xff\x10",
    bytes([i % 7 for i in range(60)]),
]


def entry_point(argv):
    total_in = 0
    total_out = 0
    for idx, data in enumerate(SAMPLES):
        r = rle_encode(data)
        assert rle_decode(r) == data
        toks = lz77_encode(data, 32)
        back = lz77_decode(toks)
        if back != data:
            print("MISMATCH", idx)
            return 1
        packed = pack(toks)
        total_in += len(data)
        total_out += len(packed)
        print("sample %d: len %d rle %d lz %d tokens %d adler %08x" % (idx, len(data), len(r), len(packed), len(toks), adler32(data)))
        print("  rle:", hexdump(r, 16))
        print("  lz: ", hexdump(packed, 16))
        refs = [t for t in toks if t[1] > 0]
        if refs:
            print("  longest ref:", max([t[1] for t in refs]), "first:", refs[0])
    os.write(1, ("ratio %d/%d\n" % (total_out, total_in)).encode("utf-8"))
    text = "Grüße, naïve café ☕".encode("utf-8")
    print(len(text), hexdump(text, 8))
    enc = rle_encode(text + b"!" * 300)
    os.write(1, b"rle tail: " + enc[-6:] + b"\n")
    print(enc[-4:], list(enc[-4:]))
    print(lz77_decode(lz77_encode(text, 8)).decode("utf-8"))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

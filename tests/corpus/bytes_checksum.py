def adler32(data):
    a = 1
    b = 0
    for i in range(len(data)):
        a = (a + data[i]) % 65521
        b = (b + a) % 65521
    return (b << 16) | a


def xor_cipher(data, key):
    out = b""
    for i in range(len(data)):
        out += bytes_of(data[i] ^ key[i % len(key)])
    return out


def bytes_of(n):
    return chr(n).encode("latin-1")


def entry_point(argv):
    msgs = "Wikipedia|hello world|RPython translates Python".split("|")
    for i in range(len(msgs)):
        data = msgs[i].encode("utf-8")
        enc = xor_cipher(data, b"key")
        dec = xor_cipher(enc, b"key")
        print("%-28s %08x %s %s" % (msgs[i], adler32(data), enc[:4], dec == data))
    blob = b"HEAD\x00\x01\x02\x03body-bytes\xff"
    print(blob[:4].decode("ascii"), blob[4], blob[5:8], blob.find(b"body"), blob[-1])
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

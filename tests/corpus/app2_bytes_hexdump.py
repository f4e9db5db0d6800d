# Bytes processing with os.write: a hexdump, a checksum, and a simple XOR cipher.
import os


def hexdump(data, width=16):
    lines = []
    for off in range(0, len(data), width):
        chunk = data[off:off + width]
        hexpart = " ".join(["%02x" % b for b in chunk])
        text = "".join([chr(b) if 32 <= b < 127 else "." for b in chunk])
        lines.append("%08x  %-47s  |%s|" % (off, hexpart, text))
    return lines


def adler32(data):
    a = 1
    b = 0
    for byte in data:
        a = (a + byte) % 65521
        b = (b + a) % 65521
    return (b << 16) | a


def xor(data, key):
    out = []
    for i in range(len(data)):
        out.append(chr(data[i] ^ key[i % len(key)]))
    return "".join(out).encode("latin-1")


def entry_point(argv):
    msg = "Hello, bytes!\n\tTabs & <tags> \x00\x01\x7f end".encode("latin-1")
    for line in hexdump(msg):
        os.write(1, (line + "\n").encode("utf-8"))
    os.write(1, b"adler32 " + str(adler32(msg)).encode("ascii") + b"\n")
    enc = xor(msg, b"key")
    for line in hexdump(enc, 12):
        print(line)
    dec = xor(enc, b"key")
    print(dec == msg, len(dec), dec[:5], dec[-3:], enc[0], msg.find(b"<"), b"tags" in msg)
    os.write(1, dec[:13] + b"\n")
    counts = [0] * 4
    for b in msg:
        counts[b >> 6] += 1
    print(counts, max(msg), min(msg), sum([b for b in msg]) % 256)
    print(msg.split(b" ")[:3], b"-".join([b"a", b"bc"]), msg.upper()[:6], msg.lower()[-4:])
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(entry_point(sys.argv))

def hexdump(b):
    out = ""
    for i in range(len(b)):
        out += "%02x" % b[i]
        if i % 4 == 3:
            out += " "
    return out


def entry_point(argv):
    data = b"Hello, bytes world!"
    print(len(data), data[0], data[-1], data[7:12], data[::-1], data[:5] + b"!!")
    print(hexdump(data))
    print(data.find(b"world"), data.rfind(b"o"), data.count(b"l"), data.startswith(b"Hell"), data.endswith(b"?"))
    print(b"world" in data, b"xyz" in data, 72 in data, 0 in data)
    print(data.upper(), data.lower(), data.replace(b"l", b"L", 2))
    parts = b"a,b,,c".split(b",")
    print(len(parts), parts[0], parts[2], b"-".join(parts))
    print(b"  pad  ".strip(), b"xxhixx".strip(b"x"), b"|".join(b"  a b  ".split()))
    print(data == b"Hello, bytes world!", data != b"x", b"abc" < b"abd", b"b" > b"abc", b"" < b"a")
    print(b"ab" * 3, 2 * b"xy", repr(b"\x00\xff'\""))
    try:
        data.index(b"nope")
    except ValueError as e:
        print("ValueError:", str(e))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

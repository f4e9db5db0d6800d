# The bytes(...) constructor: bytes(), bytes(n), bytes(list of ints), bytes(b).
import os


def xor(data, key):
    out = []
    for i in range(len(data)):
        out.append(data[i] ^ key[i % len(key)])
    return bytes(out)


def entry_point(argv):
    print(bytes(), len(bytes()), bytes(4), bytes(len(argv)))
    b = bytes([72, 105, 33, 10])
    os.write(1, b)
    print(b, b == b"Hi!\n", bytes(b) == b)
    enc = xor(b"secret message", b"key")
    print(enc, xor(enc, b"key").decode("utf-8"))
    flags = [True, False, True]
    print(bytes(flags), list(bytes([n * 17 for n in range(16)])))
    empty = []
    empty.append(255)
    print(bytes(empty))
    for bad in [[1, 256], [-1], [0, 1, 2, 300]]:
        try:
            print(bytes(bad))
        except ValueError as e:
            print("ValueError:", e)
    try:
        print(bytes(len(argv) - 5))
    except ValueError as e:
        print("ValueError:", e)
    print(bytes([65, 66]) + bytes(2) + b"C")
    return len(bytes([1, 2, 3]))


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

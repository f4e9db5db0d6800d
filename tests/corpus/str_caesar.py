def shift_char(c, k):
    if c.isupper():
        return chr((ord(c) - ord("A") + k) % 26 + ord("A"))
    if c.islower():
        return chr((ord(c) - ord("a") + k) % 26 + ord("a"))
    return c


def caesar(text, k):
    out = ""
    for i in range(len(text)):
        out = out + shift_char(text[i], k)
    return out


def entry_point(argv):
    msg = "Hello, World! The Quick Brown Fox."
    for k in range(0, 27, 5):
        enc = caesar(msg, k)
        dec = caesar(enc, -k)
        print(k, enc, dec == msg)
    print(caesar("xyz XYZ", 3))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

import os


def write_line(s):
    os.write(1, s)
    os.write(1, b"\n")


def entry_point(argv):
    os.write(1, b"hello from os.write\n")
    write_line(b"second line")
    for i in range(3):
        os.write(1, b"loop ")
    os.write(1, b"\n")
    os.write(1, b"")
    os.write(1, b"bytes \x41\x42\x43 \xce\xbb\n")
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

# os.write in Python 2 takes a str (a byte string): every character is
# one byte, including \x80-\xff escapes and chr(n) for n >= 128.
import os
import sys


def hexbyte(n):
    digits = "0123456789abcdef"
    return digits[n >> 4] + digits[n & 15]


def entry_point(argv):
    os.write(1, "plain text\n")
    raw = "\x80\xff" + chr(200) + "\n"
    os.write(1, raw)
    line = ""
    for c in raw:
        line += hexbyte(ord(c)) + " "
    os.write(1, line + "\n")
    os.write(1, str(1.0 / 7) + " " + repr(1.0 / 7) + "\n")
    os.write(1, "%s %.2f %d\n" % (2.0 / 3, 2.0 / 3, len(raw)))
    return 0


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))

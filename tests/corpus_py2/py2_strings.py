# Python 2's str is a byte string whose items are one-character strings;
# u'' is text. Literals with \x escapes above 127 stay single bytes.
# -*- coding: utf-8 -*-
import sys


def checksum(s):
    h = 0
    for c in s:
        h = (h * 31 + ord(c)) & 0xffff
    return h


def entry_point(argv):
    s = "hello"
    print s[0], s[1:3], s[-1], len(s), s.upper()
    b = "\x00\x7f\x80\xff"
    print len(b), ord(b[0]), ord(b[2]), ord(b[3])
    print checksum("abc"), checksum(b)
    pad = "\x80" + "\x00" * 3
    print len(pad), [ord(c) for c in pad]
    print chr(200) == "\xc8", ord(chr(255))
    t = u"text"
    print t, len(t), t == "text"
    parts = "a,b,,c".split(",")
    print parts, len(parts)
    print "%s=%d" % ("x", 5), "%5.2f|" % 3.14159, "%r" % "q"
    print repr("it's"), str(12)
    return 0


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))

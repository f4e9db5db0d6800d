# -*- coding: iso-8859-1 -*-
# A source file may declare its encoding (PEP 263), as RPython's rmd5.py
# does: a Latin-1 file is read byte for byte, and its plain string literals
# hold those bytes.
import sys

SIGN = "§"  # one byte in this Latin-1 file
NAME = u"café"


def entry_point(argv):
    print len(SIGN), ord(SIGN), len(NAME), ord(NAME[3])
    print SIGN == "\xa7", (SIGN + "x")[1], NAME[:3]
    return 0


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))

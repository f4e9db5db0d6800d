# Module-level idioms of RPython programs: `from m import *`, and `del` of
# helper names once the tables are built (also in a class body).
from rpython.rlib.rarithmetic import *

OPNAMES = ["PUSH", "POP", "ADD", "JUMP"]
OPCODES = {}
for _i in range(len(OPNAMES)):
    OPCODES[OPNAMES[_i]] = _i
del _i

TMP = [r_uint(3), r_uint(4)]
WORDS = 0
for _w in TMP:
    WORDS += intmask(_w)
del TMP, _w


class Flags(object):
    names = ["a", "b", "c"]
    for _k in range(3):
        pass
    del _k
    COUNT = 3


def entry_point(argv):
    print(OPCODES["ADD"], OPCODES["JUMP"], WORDS, Flags.COUNT, LONG_BIT)
    print(intmask(r_uint(1) << 63), intmask(r_uint(0) - r_uint(1)))
    print(r_uint.BITS)
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(entry_point(sys.argv))

# error: 6:18: arithmetic expression
from rpython.rlib.rarithmetic import ovfcheck


def entry_point(argv):
    x = ovfcheck(len(argv))
    return 0

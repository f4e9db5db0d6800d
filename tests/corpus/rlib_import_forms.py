import rpython.rlib.rarithmetic
from rpython.rlib import jit
from rpython.rlib import objectmodel as om
from rpython.rlib.rarithmetic import intmask as mask, r_uint


@jit.elidable
def f(x):
    return x + 1


def entry_point(argv):
    print(rpython.rlib.rarithmetic.LONG_BIT, mask(r_uint(7)))
    print(f(41), jit.we_are_jitted())
    print(rpython.rlib.rarithmetic.intmask(3))
    print(om.we_are_translated() or True)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

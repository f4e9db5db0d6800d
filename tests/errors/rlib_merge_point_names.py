# error: 11:9: must name exactly
from rpython.rlib.jit import JitDriver

driver = JitDriver(greens=["pc"], reds=["acc"])


def entry_point(argv):
    pc = 0
    acc = 0
    while pc < 10:
        driver.jit_merge_point(pc=pc, accumulator=acc)
        acc += pc
        pc += 1
    return 0

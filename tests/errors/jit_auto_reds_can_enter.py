# level: -Ojit
# error: 12:9: can_enter_jit() is not supported with reds='auto' (as in RPython): list the reds by name, or leave the merge point as the loop header
from rpython.rlib.jit import JitDriver

driver = JitDriver(greens=["n"], reds="auto")


def total(items, n):
    i = 0
    acc = 0
    while i < len(items):
        driver.can_enter_jit(n=n)
        driver.jit_merge_point(n=n)
        acc += items[i] * n
        i += 1
    return acc


def entry_point(argv):
    print(total([1, 2, 3], 2))
    return 0

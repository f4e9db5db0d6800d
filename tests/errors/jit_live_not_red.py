# level: -Ojit
# error: 12:9: the variable 'total' is live across jit_merge_point() but is neither a green nor a red
from rpython.rlib.jit import JitDriver

driver = JitDriver(greens=['pc'], reds=['n'])


def run(n):
    pc = 0
    total = 0
    while n > 0:
        driver.jit_merge_point(pc=pc, n=n)
        total += n
        n -= 1
    return total


def entry_point(argv):
    print(run(10))
    return 0

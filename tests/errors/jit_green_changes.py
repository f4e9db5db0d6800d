# level: -Ojit
# error: 16:13: the green 'pc' of JitDriver 'jit_green_changes.driver' changes between can_enter_jit() and jit_merge_point()
from rpython.rlib.jit import JitDriver

driver = JitDriver(greens=['pc'], reds=['n'])


def run(n):
    pc = 0
    while n > 0:
        driver.jit_merge_point(pc=pc, n=n)
        n -= 1
        if pc == 3:
            pc = 0
        else:
            driver.can_enter_jit(pc=pc, n=n)
            pc += 1
    return pc


def entry_point(argv):
    print(run(10))
    return 0

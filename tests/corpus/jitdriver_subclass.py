# RPython's JitDriver subclasses declare greens and reds as class
# attributes (as RPython's own jit/tl interpreters do).
from rpython.rlib.jit import JitDriver


class CountDriver(JitDriver):
    greens = ["pc", "code"]
    reds = ["acc", "regs"]


driver = CountDriver()
NLIVE = len(driver.greens) + len(driver.reds)

SET, ADD_R, DEC_R, JNZ_R, HALT = range(5)


def run(code, n):
    pc = 0
    acc = 0
    regs = [n, 0]
    while True:
        driver.jit_merge_point(pc=pc, code=code, acc=acc, regs=regs)
        op = code[pc]
        if op == SET:
            acc = code[pc + 1]
            pc += 2
        elif op == ADD_R:
            acc += regs[code[pc + 1]]
            pc += 2
        elif op == DEC_R:
            regs[code[pc + 1]] -= 1
            pc += 2
        elif op == JNZ_R:
            if regs[code[pc + 1]] != 0:
                target = code[pc + 2]
                if target < pc:
                    driver.can_enter_jit(pc=target, code=code, acc=acc, regs=regs)
                pc = target
            else:
                pc += 3
        else:
            return acc


# acc = 0; loop: acc += r0; r0 -= 1; if r0: goto loop
TRIANGLE = [SET, 0, ADD_R, 0, DEC_R, 0, JNZ_R, 0, 2, HALT]


def entry_point(argv):
    print(run(TRIANGLE, 10), run(TRIANGLE, 1000))
    print(NLIVE)
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(entry_point(sys.argv))

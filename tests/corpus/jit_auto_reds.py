# JitDriver(reds="auto"): the merge point names only the greens; the reds
# (here an int stack pointer, a list, an instance and a float) are the
# variables live there, found by the translator, as in RPython.
from rpython.rlib.jit import JitDriver

driver = JitDriver(greens=["pc", "code"], reds="auto")


class Acc(object):
    def __init__(self):
        self.total = 0
        self.steps = 0


PUSH, ADD, MUL, DUP, JNZ, DEC, STORE, HALT = 0, 1, 2, 3, 4, 5, 6, 7


def run(code, n):
    stack = [0] * 16
    sp = 0
    acc = Acc()
    scale = 0.5
    pc = 0
    stack[sp] = n
    sp += 1
    while True:
        driver.jit_merge_point(pc=pc, code=code)
        op = code[pc]
        acc.steps += 1
        if op == PUSH:
            stack[sp] = code[pc + 1]
            sp += 1
            pc += 2
        elif op == ADD:
            sp -= 1
            stack[sp - 1] += stack[sp]
            pc += 1
        elif op == MUL:
            sp -= 1
            stack[sp - 1] *= stack[sp]
            pc += 1
        elif op == DUP:
            stack[sp] = stack[sp - 1]
            sp += 1
            pc += 1
        elif op == DEC:
            stack[sp - 1] -= 1
            pc += 1
        elif op == STORE:
            acc.total += stack[sp - 1]
            scale = scale * 1.0001
            sp -= 1
            pc += 1
        elif op == JNZ:
            if stack[sp - 1] != 0:
                pc = code[pc + 1]
            else:
                pc += 2
        else:
            break
    return acc.total, acc.steps, scale


def entry_point(argv):
    # n; loop: dup, dup, mul, store, dec, jnz loop; halt -> sum of squares
    code = [DUP, DUP, MUL, STORE, DEC, JNZ, 0, HALT]
    for n in [3, 10, 2000]:
        total, steps, scale = run(code, n)
        print(n, total, steps, "%.6f" % scale)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

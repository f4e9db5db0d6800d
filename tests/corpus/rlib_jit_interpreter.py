from rpython.rlib.jit import JitDriver, promote, elidable, dont_look_inside, unroll_safe, hint

driver = JitDriver(greens=["pc", "program"], reds=["acc", "steps"])


@elidable
def opcode_at(program, pc):
    return program[pc]


@dont_look_inside
def trace(msg):
    print(msg)


@unroll_safe
def checksum(s):
    total = 0
    for c in s:
        total = total * 7 + ord(c)
    return total


def run(program, acc):
    pc = 0
    steps = 0
    while pc < len(program):
        driver.jit_merge_point(pc=pc, program=program, acc=acc, steps=steps)
        op = opcode_at(program, pc)
        op = promote(op)
        steps += 1
        if op == "+":
            acc += 1
        elif op == "-":
            acc -= 1
        elif op == "*":
            acc *= 2
        elif op == "p":
            trace("acc = " + str(acc))
        elif op == "]":
            if acc < 100:
                pc = 0
                driver.can_enter_jit(pc=pc, program=program, acc=acc, steps=steps)
                continue
        pc += 1
    return hint(acc, promote=True) * 1000 + steps


def entry_point(argv):
    print(run("++*p", 1))
    print(run("+*p]", 1))
    print(checksum("jit"))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

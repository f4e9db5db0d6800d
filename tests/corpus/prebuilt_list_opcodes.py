# A module-level opcode table and a program as a prebuilt list of ints,
# run by a small stack machine; the table is extended at run time.
OPCODES = ["push", "pop", "add", "mul", "dup", "print", "jnz", "dec", "halt"]
NAMES = OPCODES
PROGRAM = [0, 5, 4, 5, 7, 4, 6, 2, 8]
STACK = []
TRACE = []


def opcode(name):
    return OPCODES.index(name)


def run(code, limit):
    pc = 0
    steps = 0
    while pc < len(code) and steps < limit:
        op = code[pc]
        steps += 1
        TRACE.append(NAMES[op])
        if op == 0:
            STACK.append(code[pc + 1])
            pc += 2
            continue
        if op == 1:
            STACK.pop()
        elif op == 2:
            b = STACK.pop()
            a = STACK.pop()
            STACK.append(a + b)
        elif op == 3:
            b = STACK.pop()
            a = STACK.pop()
            STACK.append(a * b)
        elif op == 4:
            STACK.append(STACK[-1])
        elif op == 5:
            print("out", STACK[-1])
        elif op == 6:
            if STACK.pop() != 0:
                pc = code[pc + 1]
                continue
            pc += 2
            continue
        elif op == 7:
            STACK[-1] -= 1
        elif op == 8:
            break
        pc += 1
    return steps


def entry_point(argv):
    n = run(PROGRAM, 100)
    print("steps", n, "stack", STACK)
    print(len(TRACE), TRACE[:6])
    OPCODES.append("nop")
    print(len(NAMES), NAMES[-1], opcode("nop"), opcode("dup"))
    del STACK[:]
    PROGRAM[1] = 3
    n = run(PROGRAM, 100)
    print("steps", n, "stack", STACK)
    counts = {}
    for name in TRACE:
        counts[name] = counts.get(name, 0) + 1
    for name in OPCODES:
        if name in counts:
            print(name, counts[name])
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(entry_point(sys.argv))

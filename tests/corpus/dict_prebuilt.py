OPCODES = {"push": 1, "pop": 2, "add": 3, "print": 4}
NAMES = {1: "push", 2: "pop", 3: "add", 4: "print"}
EMPTY = {}


def run(prog):
    stack = []
    out = ""
    for word in prog:
        op = OPCODES.get(word, 0)
        if op == 0:
            stack.append(int(word))
        elif op == 3:
            b = stack.pop()
            a = stack.pop()
            stack.append(a + b)
        elif op == 4:
            out = out + str(stack[len(stack) - 1]) + " "
    return out


def entry_point(argv):
    print(run(["2", "3", "add", "print", "10", "add", "print"]))
    for k in NAMES:
        print(k, NAMES[k], OPCODES[NAMES[k]])
    print(len(EMPTY), EMPTY)
    EMPTY["late"] = 1
    print(EMPTY)
    print(OPCODES)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

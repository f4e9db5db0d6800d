# A register VM: code objects, frames as objects, a dict of globals, calls and returns.
from rpython.rlib.jit import JitDriver
from rpython.rlib.rarithmetic import ovfcheck

OP_LOADK, OP_MOV, OP_ADD, OP_SUB, OP_MUL, OP_LT, OP_JMP, OP_JF, OP_GETG, OP_SETG, OP_CALL, OP_RET, OP_PRINT = range(13)
OPNAMES = ["loadk", "mov", "add", "sub", "mul", "lt", "jmp", "jf", "getg", "setg", "call", "ret", "print"]

driver = JitDriver(greens=["pc", "code"], reds=["frame", "vm"])


class VMError(Exception):
    def __init__(self, msg, pc):
        self.msg = msg
        self.pc = pc


class Code(object):
    _immutable_fields_ = ["name", "nregs", "nargs", "insns[*]", "consts[*]"]

    def __init__(self, name, nregs, nargs, insns, consts):
        self.name = name
        self.nregs = nregs
        self.nargs = nargs
        self.insns = insns
        self.consts = consts


class Frame(object):
    def __init__(self, code, parent):
        self.code = code
        self.regs = [0] * code.nregs
        self.parent = parent
        self.depth = 0 if parent is None else parent.depth + 1


class Stats(object):
    def __init__(self):
        self.calls = 0


STATS = Stats()


class VM(object):

    def __init__(self):
        self.globals = {}
        self.functions = {}
        self.steps = 0
        self.output = []

    def run(self, code, args):
        STATS.calls += 1
        frame = Frame(code, None)
        for i in range(len(args)):
            frame.regs[i] = args[i]
        return self.execute(frame)

    def execute(self, frame):
        code = frame.code
        pc = 0
        vm = self
        while True:
            driver.jit_merge_point(pc=pc, code=code, frame=frame, vm=vm)
            op, a, b, c = code.insns[pc]
            pc += 1
            vm.steps += 1
            regs = frame.regs
            if op == OP_LOADK:
                regs[a] = code.consts[b]
            elif op == OP_MOV:
                regs[a] = regs[b]
            elif op == OP_ADD:
                try:
                    regs[a] = ovfcheck(regs[b] + regs[c])
                except OverflowError:
                    raise VMError("overflow in add", pc - 1)
            elif op == OP_SUB:
                regs[a] = regs[b] - regs[c]
            elif op == OP_MUL:
                try:
                    regs[a] = ovfcheck(regs[b] * regs[c])
                except OverflowError:
                    raise VMError("overflow in mul", pc - 1)
            elif op == OP_LT:
                regs[a] = 1 if regs[b] < regs[c] else 0
            elif op == OP_JMP:
                pc = a
            elif op == OP_JF:
                if regs[a] == 0:
                    pc = b
            elif op == OP_GETG:
                name = code.name + ":" + str(b)
                if name not in vm.globals:
                    raise VMError("undefined global " + name, pc - 1)
                regs[a] = vm.globals[name]
            elif op == OP_SETG:
                vm.globals[code.name + ":" + str(b)] = regs[a]
            elif op == OP_CALL:
                callee = vm.functions[code.consts[b]]
                args = [regs[a + 1 + k] for k in range(callee.nargs)]
                STATS.calls += 1
                sub = Frame(callee, frame)
                if sub.depth > 50:
                    raise VMError("frame depth exceeded", pc - 1)
                for k in range(len(args)):
                    sub.regs[k] = args[k]
                regs[a] = vm.execute(sub)
            elif op == OP_RET:
                return regs[a]
            elif op == OP_PRINT:
                vm.output.append("%s r%d=%d" % (code.name, a, regs[a]))
            else:
                raise VMError("bad opcode %d" % op, pc - 1)


def make_fact():
    # r0 = n ; r1 = acc ; r2 = one ; r3 = tmp
    insns = [
        (OP_LOADK, 1, 0, 0),
        (OP_LOADK, 2, 0, 0),
        (OP_LT, 3, 0, 2),
        (OP_JF, 3, 5, 0),
        (OP_RET, 1, 0, 0),
        (OP_MUL, 1, 1, 0),
        (OP_SUB, 0, 0, 2),
        (OP_JMP, 2, 0, 0),
    ]
    return Code("fact", 4, 1, insns, [1])


def make_fib():
    # recursive fib: r0 = n
    insns = [
        (OP_LOADK, 1, 0, 0),    # r1 = 2
        (OP_LT, 2, 0, 1),       # r2 = n < 2
        (OP_JF, 2, 4, 0),
        (OP_RET, 0, 0, 0),
        (OP_LOADK, 3, 1, 0),    # r3 = 1
        (OP_SUB, 5, 0, 3),      # r5 = n - 1 (arg of call at r4)
        (OP_CALL, 4, 2, 0),     # r4 = fib(r5)
        (OP_SUB, 7, 0, 1),      # r7 = n - 2
        (OP_CALL, 6, 2, 0),     # r6 = fib(r7)
        (OP_ADD, 0, 4, 6),
        (OP_SETG, 0, 7, 0),
        (OP_RET, 0, 0, 0),
    ]
    return Code("fib", 8, 1, insns, [2, 1, 0])


def disassemble(code):
    lines = []
    for i, (op, a, b, c) in enumerate(code.insns):
        lines.append("%3d %-6s %d %d %d" % (i, OPNAMES[op], a, b, c))
    return lines


def entry_point(argv):
    vm = VM()
    fact = make_fact()
    fib = make_fib()
    vm.functions[0] = fib
    fib.consts[2] = 0
    for line in disassemble(fact):
        print(line)
    for n in [0, 1, 5, 10, 20, 21, 25]:
        # fact counts down from n; n+1 because the loop tests n < 1
        try:
            print("fact", n, vm.run(fact, [n + 1]) if n > 0 else 1)
        except VMError as e:
            print("fact", n, "error:", e.msg, "at pc", e.pc)
    for n in range(12):
        print("fib", n, vm.run(fib, [n]))
    print("global", vm.globals["fib:7"])
    bad = Code("bad", 2, 0, [(OP_GETG, 0, 3, 0), (OP_RET, 0, 0, 0)], [])
    try:
        vm.run(bad, [])
    except VMError as e:
        print("bad:", e.msg, e.pc)
    deep = Code("deep", 2, 1, [(OP_CALL, 0, 0, 0), (OP_RET, 0, 0, 0)], [1])
    vm.functions[1] = deep
    try:
        vm.run(deep, [0])
    except VMError as e:
        print("deep:", e.msg, e.pc)
    vm.run(Code("p", 1, 1, [(OP_PRINT, 0, 0, 0), (OP_RET, 0, 0, 0)], []), [42])
    print("\n".join(vm.output))
    print("steps", vm.steps, "calls", STATS.calls)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

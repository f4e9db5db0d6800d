# A register VM with an assembler: text lines (`addi r1, r1, 1`, labels,
# `blt r1, r2, loop`) become immutable Instr objects; 16 int registers,
# 8 float registers and a word memory. The JitDriver's greens are the pc
# and the program; backward branches call can_enter_jit. Calls use a
# link-register stack (`call`/`ret`).
from rpython.rlib.jit import JitDriver, promote, elidable, dont_look_inside

NOP = 0
LI = 1
MOV = 2
ADD = 3
SUB = 4
MUL = 5
DIV = 6
MOD = 7
ADDI = 8
BLT = 9
BNE = 10
BEQ = 11
JMP = 12
PRINT = 13
HALT = 14
LOAD = 15
STORE = 16
CALL = 17
RET = 18
FLI = 19
FADD = 20
FSUB = 21
FMUL = 22
FBLT = 23
ITOF = 24
FPRINT = 25
FMOV = 26
PUTC = 27

OPS = {"nop": NOP, "li": LI, "mov": MOV, "add": ADD, "sub": SUB, "mul": MUL, "div": DIV,
       "mod": MOD, "addi": ADDI, "blt": BLT, "bne": BNE, "beq": BEQ, "jmp": JMP,
       "print": PRINT, "halt": HALT, "load": LOAD, "store": STORE, "call": CALL,
       "ret": RET, "fli": FLI, "fadd": FADD, "fsub": FSUB, "fmul": FMUL, "fblt": FBLT,
       "itof": ITOF, "fprint": FPRINT, "fmov": FMOV, "putc": PUTC}

BRANCHES = [BLT, BNE, BEQ, JMP, CALL, FBLT]


class VMError(Exception):
    def __init__(self, msg):
        self.msg = msg


class Instr(object):
    _immutable_fields_ = ["op", "a", "b", "c", "fimm"]

    def __init__(self, op, a, b, c, fimm):
        self.op = op
        self.a = a
        self.b = b
        self.c = c
        self.fimm = fimm


class Program(object):
    _immutable_fields_ = ["name", "instrs[*]"]

    def __init__(self, name, instrs):
        self.name = name
        self.instrs = instrs

    @elidable
    def instr_at(self, pc):
        return self.instrs[pc]


def get_location(pc, prog):
    ins = prog.instrs[pc]
    return "%s:%d op %d" % (prog.name, pc, ins.op)


driver = JitDriver(greens=["pc", "prog"], reds=["machine"], get_printable_location=get_location)


class Machine(object):
    def __init__(self, memsize):
        self.regs = [0] * 16
        self.fregs = [0.0] * 8
        self.mem = [0] * memsize
        self.links = []
        self.out = []
        self.steps = 0


@dont_look_inside
def emit(machine, text):
    machine.out.append(text)


def register(tok, prefix):
    tok = tok.strip()
    if len(tok) < 2 or tok[0] != prefix or not tok[1:].isdigit():
        raise VMError("bad register " + tok)
    n = int(tok[1:])
    if n >= (16 if prefix == "r" else 8):
        raise VMError("no register " + tok)
    return n


def assemble(name, text):
    labels = {}
    lines = []
    for raw in text.split("\n"):
        line = raw
        hash_at = line.find("#")
        if hash_at >= 0:
            line = line[:hash_at]
        line = line.strip()
        if len(line) == 0:
            continue
        if line.endswith(":"):
            labels[line[:-1]] = len(lines)
            continue
        lines.append(line)
    instrs = []
    for line in lines:
        space = line.find(" ")
        if space < 0:
            mnemonic = line
            args = []
        else:
            mnemonic = line[:space]
            args = [a.strip() for a in line[space + 1:].split(",")]
        if mnemonic not in OPS:
            raise VMError("unknown instruction " + mnemonic)
        op = OPS[mnemonic]
        a = 0
        b = 0
        c = 0
        fimm = 0.0
        if op == LI:
            a = register(args[0], "r")
            b = int(args[1])
        elif op == MOV:
            a = register(args[0], "r")
            b = register(args[1], "r")
        elif op == ADD or op == SUB or op == MUL or op == DIV or op == MOD:
            a = register(args[0], "r")
            b = register(args[1], "r")
            c = register(args[2], "r")
        elif op == ADDI:
            a = register(args[0], "r")
            b = register(args[1], "r")
            c = int(args[2])
        elif op == BLT or op == BNE or op == BEQ:
            a = register(args[0], "r")
            b = register(args[1], "r")
            c = labels[args[2]]
        elif op == FBLT:
            a = register(args[0], "f")
            b = register(args[1], "f")
            c = labels[args[2]]
        elif op == JMP or op == CALL:
            c = labels[args[0]]
        elif op == PRINT or op == PUTC:
            a = register(args[0], "r")
        elif op == LOAD or op == STORE:
            # load rA, rB, imm: rA = mem[rB + imm]; store rA, rB, imm: mem[rB + imm] = rA
            a = register(args[0], "r")
            b = register(args[1], "r")
            c = int(args[2])
        elif op == FLI:
            a = register(args[0], "f")
            fimm = float(args[1])
        elif op == FADD or op == FSUB or op == FMUL:
            a = register(args[0], "f")
            b = register(args[1], "f")
            c = register(args[2], "f")
        elif op == ITOF:
            a = register(args[0], "f")
            b = register(args[1], "r")
        elif op == FPRINT:
            a = register(args[0], "f")
        elif op == FMOV:
            a = register(args[0], "f")
            b = register(args[1], "f")
        instrs.append(Instr(op, a, b, c, fimm))
    return Program(name, instrs)


def run(prog, machine):
    pc = 0
    while True:
        driver.jit_merge_point(pc=pc, prog=prog, machine=machine)
        if pc >= len(prog.instrs):
            raise VMError("fell off the end")
        ins = prog.instr_at(pc)
        op = ins.op
        machine.steps += 1
        regs = machine.regs
        pc += 1
        if op == LI:
            regs[ins.a] = ins.b
        elif op == MOV:
            regs[ins.a] = regs[ins.b]
        elif op == ADD:
            regs[ins.a] = regs[ins.b] + regs[ins.c]
        elif op == SUB:
            regs[ins.a] = regs[ins.b] - regs[ins.c]
        elif op == MUL:
            regs[ins.a] = regs[ins.b] * regs[ins.c]
        elif op == DIV or op == MOD:
            divisor = regs[ins.c]
            if divisor == 0:
                raise VMError("division by zero at %d" % (pc - 1))
            if op == DIV:
                regs[ins.a] = regs[ins.b] // divisor
            else:
                regs[ins.a] = regs[ins.b] % divisor
        elif op == ADDI:
            regs[ins.a] = regs[ins.b] + ins.c
        elif op == BLT or op == BNE or op == BEQ or op == FBLT or op == JMP:
            if op == BLT:
                taken = regs[ins.a] < regs[ins.b]
            elif op == BNE:
                taken = regs[ins.a] != regs[ins.b]
            elif op == BEQ:
                taken = regs[ins.a] == regs[ins.b]
            elif op == FBLT:
                taken = machine.fregs[ins.a] < machine.fregs[ins.b]
            else:
                taken = True
            if taken:
                target = ins.c
                backward = target < pc
                pc = target
                if backward:
                    driver.can_enter_jit(pc=pc, prog=prog, machine=machine)
        elif op == CALL:
            if len(machine.links) >= 64:
                raise VMError("call stack overflow")
            machine.links.append(pc)
            pc = ins.c
        elif op == RET:
            if len(machine.links) == 0:
                raise VMError("ret with an empty call stack")
            pc = machine.links.pop()
        elif op == LOAD:
            regs[ins.a] = machine.mem[regs[ins.b] + ins.c]
        elif op == STORE:
            machine.mem[regs[ins.b] + ins.c] = regs[ins.a]
        elif op == PRINT:
            emit(machine, str(regs[ins.a]) + " ")
        elif op == PUTC:
            emit(machine, chr(regs[ins.a]))
        elif op == FLI:
            machine.fregs[ins.a] = ins.fimm
        elif op == FADD:
            machine.fregs[ins.a] = machine.fregs[ins.b] + machine.fregs[ins.c]
        elif op == FSUB:
            machine.fregs[ins.a] = machine.fregs[ins.b] - machine.fregs[ins.c]
        elif op == FMUL:
            machine.fregs[ins.a] = machine.fregs[ins.b] * machine.fregs[ins.c]
        elif op == ITOF:
            machine.fregs[ins.a] = float(regs[ins.b])
        elif op == FMOV:
            machine.fregs[ins.a] = machine.fregs[ins.b]
        elif op == FPRINT:
            emit(machine, repr(machine.fregs[ins.a]) + " ")
        elif op == HALT:
            return
        elif op == NOP:
            pass
        else:
            raise VMError("bad opcode %d" % op)


GCD = """
    li r1, 1071
    li r2, 462
    li r0, 0
loop:
    beq r2, r0, done
    mod r3, r1, r2
    mov r1, r2
    mov r2, r3
    jmp loop
done:
    print r1
    halt
"""

PRIMES = """
    li r1, 2          # candidate
    li r2, 3000       # limit
    li r5, 0          # count
    li r6, 0          # sum
    li r0, 0
outer:
    li r3, 2          # divisor
inner:
    mul r4, r3, r3
    blt r1, r4, prime
    mod r4, r1, r3
    beq r4, r0, next
    addi r3, r3, 1
    jmp inner
prime:
    addi r5, r5, 1
    add r6, r6, r1
next:
    addi r1, r1, 1
    blt r1, r2, outer
    print r5
    print r6
    halt
"""

SORT = """
    # fill mem[0..n) with a pseudo-random sequence, bubble sort it, print a checksum
    li r1, 0
    li r2, 60         # n
    li r3, 7          # seed
    li r9, 1000
fill:
    li r4, 1103
    mul r3, r3, r4
    addi r3, r3, 12345
    li r4, 65536
    mod r3, r3, r4
    mod r5, r3, r9
    store r5, r1, 0
    addi r1, r1, 1
    blt r1, r2, fill
    li r1, 0          # i
    addi r8, r2, -1
pass:
    li r6, 0          # j
    sub r7, r8, r1
swap_loop:
    beq r6, r7, pass_end
    load r4, r6, 0
    load r5, r6, 1
    blt r4, r5, no_swap
    beq r4, r5, no_swap
    store r5, r6, 0
    store r4, r6, 1
no_swap:
    addi r6, r6, 1
    jmp swap_loop
pass_end:
    addi r1, r1, 1
    blt r1, r8, pass
    load r4, r0, 0
    print r4
    load r4, r0, 59
    print r4
    li r1, 0
    li r10, 0
check:
    load r4, r1, 0
    mul r10, r10, r9
    add r10, r10, r4
    li r4, 1000000007
    mod r10, r10, r4
    addi r1, r1, 1
    blt r1, r2, check
    print r10
    halt
"""

CALLS = """
    li r1, 0
    li r2, 10
again:
    call square
    print r3
    addi r1, r1, 1
    blt r1, r2, again
    halt
square:
    mul r3, r1, r1
    ret
"""

MANDEL = """
    # row of a Mandelbrot set, '#' inside, '.' outside, 24 columns, 3 rows
    li r7, 0              # row
    li r8, 3
    li r12, 35            # '#'
    li r13, 46            # '.'
    li r14, 10            # newline
rows:
    li r1, 0              # column
    li r2, 24
cols:
    itof f0, r1
    fli f1, 0.125
    fmul f0, f0, f1
    fli f1, -2.0
    fadd f0, f0, f1       # cr
    itof f7, r7
    fli f1, 0.375
    fmul f7, f7, f1
    fli f1, -0.375
    fadd f7, f7, f1       # ci
    fli f2, 0.0           # zr
    fli f3, 0.0           # zi
    li r3, 0              # iteration
    li r4, 50
iter:
    fmul f4, f2, f2
    fmul f5, f3, f3
    fadd f6, f4, f5
    fli f1, 4.0
    fblt f1, f6, outside
    fmul f6, f2, f3
    fadd f6, f6, f6
    fadd f3, f6, f7
    fsub f6, f4, f5
    fadd f2, f6, f0
    addi r3, r3, 1
    blt r3, r4, iter
    putc r12
    jmp col_end
outside:
    putc r13
col_end:
    addi r1, r1, 1
    blt r1, r2, cols
    putc r14
    addi r7, r7, 1
    blt r7, r8, rows
    fprint f2
    fprint f0
    halt
"""

BROKEN = """
    li r1, 5
    li r2, 0
    div r3, r1, r2
    halt
"""

RUNAWAY = """
    li r1, 0
top:
    call top
"""


def entry_point(argv):
    programs = [("gcd", GCD), ("primes", PRIMES), ("sort", SORT), ("calls", CALLS),
                ("mandel", MANDEL), ("broken", BROKEN), ("runaway", RUNAWAY),
                ("unknown", "frob r1"), ("nolabel", "jmp nowhere")]
    for name, text in programs:
        machine = Machine(64)
        try:
            prog = assemble(name, text)
            run(prog, machine)
            status = "ok"
        except VMError as e:
            status = "error: " + e.msg
        except KeyError:
            status = "error: unknown label"
        print("%s: %s[%s, %d steps]" % (name, "".join(machine.out), status, machine.steps))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

# A two-pass assembler with labels, directives and errors carrying line numbers; then a tiny CPU runs the image.

OPCODES = {}
SIZES = {}
for _i, (_name, _nargs) in enumerate([("nop", 0), ("li", 2), ("add", 3), ("sub", 3), ("jmp", 1), ("bnz", 2),
                                       ("out", 1), ("halt", 0), ("dec", 1), ("mul", 3)]):
    OPCODES[_name] = _i
    SIZES[_name] = 1 + _nargs
REG_NAMES = ["r%d" % _k for _k in range(8)]


class AsmError(Exception):
    def __init__(self, lineno, msg):
        self.lineno = lineno
        self.msg = msg


def strip_comment(line):
    i = line.find(";")
    if i >= 0:
        line = line[:i]
    return line.strip()


def parse_operand(tok, labels, lineno, resolve):
    if tok in REG_NAMES:
        return REG_NAMES.index(tok)
    if tok.startswith("#"):
        body = tok[1:]
        neg = body.startswith("-")
        if neg:
            body = body[1:]
        if body.startswith("0x"):
            v = int(body[2:], 16)
        elif body.isdigit():
            v = int(body)
        else:
            raise AsmError(lineno, "bad immediate '%s'" % tok)
        return -v if neg else v
    if not resolve:
        return 0
    if tok not in labels:
        raise AsmError(lineno, "undefined label '%s'" % tok)
    return labels[tok]


def assemble(source):
    lines = source.split("\n")
    labels = {}
    addr = 0
    # pass 1: addresses of labels
    for lineno, raw in enumerate(lines, 1):
        line = strip_comment(raw)
        if not line:
            continue
        if line.endswith(":"):
            name = line[:-1]
            if name in labels:
                raise AsmError(lineno, "duplicate label '%s'" % name)
            labels[name] = addr
            continue
        parts = line.replace(",", " ").split()
        if parts[0] == ".word":
            addr += len(parts) - 1
        elif parts[0] in SIZES:
            addr += SIZES[parts[0]]
        else:
            raise AsmError(lineno, "unknown mnemonic '%s'" % parts[0])
    # pass 2: emit
    image = []
    for lineno, raw in enumerate(lines, 1):
        line = strip_comment(raw)
        if not line or line.endswith(":"):
            continue
        parts = line.replace(",", " ").split()
        op = parts[0]
        if op == ".word":
            for p in parts[1:]:
                image.append(parse_operand("#" + p, labels, lineno, True))
            continue
        want = SIZES[op] - 1
        if len(parts) - 1 != want:
            raise AsmError(lineno, "%s takes %d operands, got %d" % (op, want, len(parts) - 1))
        image.append(OPCODES[op])
        for p in parts[1:]:
            image.append(parse_operand(p, labels, lineno, True))
    return image, labels


def run(image, limit):
    regs = [0] * 8
    pc = 0
    out = []
    steps = 0
    while steps < limit:
        steps += 1
        op = image[pc]
        if op == OPCODES["halt"]:
            break
        elif op == OPCODES["li"]:
            regs[image[pc + 1]] = image[pc + 2]
        elif op == OPCODES["add"]:
            regs[image[pc + 1]] = regs[image[pc + 2]] + regs[image[pc + 3]]
        elif op == OPCODES["sub"]:
            regs[image[pc + 1]] = regs[image[pc + 2]] - regs[image[pc + 3]]
        elif op == OPCODES["mul"]:
            regs[image[pc + 1]] = regs[image[pc + 2]] * regs[image[pc + 3]]
        elif op == OPCODES["dec"]:
            regs[image[pc + 1]] -= 1
        elif op == OPCODES["out"]:
            out.append(regs[image[pc + 1]])
        elif op == OPCODES["jmp"]:
            pc = image[pc + 1]
            continue
        elif op == OPCODES["bnz"]:
            if regs[image[pc + 1]] != 0:
                pc = image[pc + 2]
                continue
        pc += 1 + (SIZES[NAMES_BY_CODE[op]] - 1)
    return out, steps


NAMES_BY_CODE = [""] * len(OPCODES)
for _name in OPCODES:
    NAMES_BY_CODE[OPCODES[_name]] = _name

PROGRAMS = [
    """
    ; powers of two and a countdown
        li r1, #1
        li r2, #10
    loop:
        out r1
        add r1, r1, r1
        dec r2
        bnz r2, loop
        li r3, #0x1F
        out r3
        halt
    data:
        .word 1 2 3
    """,
    """
        li r0, #5
        li r1, #1
    fact:
        mul r1, r1, r0
        dec r0
        bnz r0, fact
        out r1
        jmp end
        out r0   ; skipped
    end:
        halt
    """,
    "  li r1, #3\n  bnz r1, nowhere\n",
    "a:\n  nop\na:\n  halt\n",
    "  add r1, r2\n",
    "  li r1, #abc\n",
    "  push r1\n",
    "spin:\n  jmp spin\n",
]


def entry_point(argv):
    for idx, src in enumerate(PROGRAMS):
        try:
            image, labels = assemble(src)
        except AsmError as e:
            print("program %d: line %d: %s" % (idx, e.lineno, e.msg))
            continue
        names = sorted([(addr, name) for name, addr in labels.items()])
        print("program %d: %d words, labels %s" % (idx, len(image), ", ".join(["%s@%d" % (n, a) for a, n in names])))
        print("  image:", " ".join(["%02x" % (w & 0xff) for w in image]))
        out, steps = run(image, 200)
        print("  out:", out, "steps:", steps)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

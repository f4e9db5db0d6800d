class BFError(Exception):
    pass


def build_jumps(code):
    jumps = [0] * len(code)
    stack = []
    for i in range(len(code)):
        c = code[i]
        if c == "[":
            stack.append(i)
        elif c == "]":
            if not stack:
                raise BFError("unmatched ] at %d" % i)
            j = stack.pop()
            jumps[i] = j
            jumps[j] = i
    if stack:
        raise BFError("unmatched [ at %d" % stack[-1])
    return jumps


def run(code, inp, max_steps):
    jumps = build_jumps(code)
    tape = [0] * 300
    ptr = 0
    pc = 0
    out = []
    inpos = 0
    steps = 0
    while pc < len(code):
        steps += 1
        if steps > max_steps:
            raise BFError("step limit exceeded after %d output chars" % len(out))
        c = code[pc]
        if c == ">":
            ptr += 1
            if ptr >= len(tape):
                tape.extend([0] * 100)
        elif c == "<":
            ptr -= 1
            if ptr < 0:
                raise BFError("tape underflow at pc %d" % pc)
        elif c == "+":
            tape[ptr] = (tape[ptr] + 1) & 255
        elif c == "-":
            tape[ptr] = (tape[ptr] - 1) & 255
        elif c == ".":
            out.append(chr(tape[ptr]))
        elif c == ",":
            if inpos < len(inp):
                tape[ptr] = ord(inp[inpos])
                inpos += 1
            else:
                tape[ptr] = 0
        elif c == "[":
            if tape[ptr] == 0:
                pc = jumps[pc]
        elif c == "]":
            if tape[ptr] != 0:
                pc = jumps[pc]
        pc += 1
    return "".join(out), steps


def compress(code):
    # Strip comments and count runs, the way an optimizing BF would start.
    ops = []
    for c in code:
        if c not in "<>+-.,[]":
            continue
        if ops and ops[-1][0] == c and c in "<>+-":
            ops[-1] = (c, ops[-1][1] + 1)
        else:
            ops.append((c, 1))
    return ops


def entry_point(argv):
    hello = ("++++++++[>++++[>++>+++>+++>+<<<<-]>+>+>->>+[<]<-]>>.>---.+++++++..+++."
             ">>.<-.<.+++.------.--------.>>+.>++.")
    programs = [
        ("hello", hello, ""),
        ("echo-upper", ",[>++++[<-------->-]<.,]", "abc"),
        ("rev", ">,[>,]<[.<]", "stressed"),
        ("add", ",>,[<+>-]<------------------------------------------------.", "34"),
        ("unmatched", "+[>+", ""),
        ("unmatched2", "+]", ""),
        ("underflow", "<+", ""),
        ("forever", "+[]", ""),
    ]
    for name, code, inp in programs:
        try:
            out, steps = run(code, inp, 20000)
            print("%-10s steps=%6d out=%r" % (name, steps, out))
        except BFError as e:
            print("%-10s error: %s" % (name, e))
    ops = compress(hello + " comment ")
    print(len(hello), "->", len(ops), ops[:6])
    counts = {}
    for c, n in ops:
        counts[c] = counts.get(c, 0) + n
    print(counts)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

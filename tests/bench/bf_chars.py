# A Brainfuck interpreter written the natural way: the program is a str of
# its commands, each step reads one character and dispatches with an
# `if c == "+"` / elif chain, brackets are matched in a list of ints, output
# characters are collected in a list and joined. It measures chars (one-
# character strs as machine words): indexing a str, comparing against
# one-character literals, `c in "+-<>[].,"`, chr() of a cell.
# Its C twin is tests/bench/bf_chars.c (the same algorithm).

import os

TAPE_SIZE = 30000


def read_file(path):
    fd = os.open(path, os.O_RDONLY, 0o777)
    chunks = []
    while True:
        chunk = os.read(fd, 65536)
        if len(chunk) == 0:
            break
        chunks.append(chunk)
    os.close(fd)
    return b"".join(chunks).decode("latin-1")


def commands(text):
    kept = []
    for c in text:
        if c in "+-<>[].,":
            kept.append(c)
    return "".join(kept)


def match_brackets(code):
    targets = [0] * len(code)
    stack = []
    for pc in range(len(code)):
        c = code[pc]
        if c == "[":
            stack.append(pc)
        elif c == "]":
            if len(stack) == 0:
                return None
            start = stack.pop()
            targets[start] = pc
            targets[pc] = start
    if len(stack) > 0:
        return None
    return targets


def flush(out):
    if len(out) > 0:
        os.write(1, "".join(out).encode("latin-1"))
        del out[:]


def run(code, targets):
    tape = [0] * TAPE_SIZE
    out = []
    pos = 0
    pc = 0
    n = len(code)
    while pc < n:
        c = code[pc]
        if c == "+":
            tape[pos] = (tape[pos] + 1) & 255
        elif c == "-":
            tape[pos] = (tape[pos] - 1) & 255
        elif c == ">":
            pos += 1
        elif c == "<":
            pos -= 1
        elif c == "[":
            if tape[pos] == 0:
                pc = targets[pc]
        elif c == "]":
            if tape[pos] != 0:
                pc = targets[pc]
        elif c == ".":
            out.append(chr(tape[pos]))
            if len(out) >= 4096:
                flush(out)
        elif c == ",":
            flush(out)
            data = os.read(0, 1)
            if len(data) > 0:
                tape[pos] = data[0]
        pc += 1
    flush(out)


def entry_point(argv):
    if len(argv) != 2:
        os.write(2, b"usage: bf_chars PROGRAM.b\n")
        return 2
    code = commands(read_file(argv[1]))
    targets = match_brackets(code)
    if targets is None:
        os.write(2, b"bf_chars: unbalanced brackets\n")
        return 1
    run(code, targets)
    return 0


def target(driver, args):
    return entry_point, None


if __name__ == "__main__":
    import sys

    sys.exit(entry_point(sys.argv))

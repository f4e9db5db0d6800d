"""A Brainfuck virtual machine, written the way RPython interpreters are.

Usage: targetbf-c PROGRAM.b   (reads the program's input on stdin)

Runs unchanged on CPython (PYTHONPATH=. python3 targets/bf/targetbf.py x.b)
and translated (rpython -O2 targets/bf/targetbf.py && targets/bf/targetbf-c x.b).

The source is parsed into two parallel lists of ints: `program[pc]` is an
opcode and `bracket_map[pc]` its operand: the jump target for a bracket,
the (wrapped) amount for a run of + and -, the signed distance for a run of
< and >. `[-]` and `[+]` become one SET_ZERO. Cells are bytes that wrap;
the tape starts with 30000 cells and grows on the right. Output is buffered
in a StringBuilder and written with os.write; input is read a byte at a
time with os.read (EOF leaves the cell unchanged).
"""

import os

from rpython.rlib.jit import JitDriver
from rpython.rlib.rstring import StringBuilder

# Opcodes.
ADD = 0        # cell += operand (mod 256)
MOVE = 1       # position += operand
OUTPUT = 2     # write the cell
INPUT = 3      # read a byte into the cell
LOOP = 4       # '[': if the cell is 0, continue after the matching ']' (operand: its pc)
END = 5        # ']': if the cell is not 0, continue after the matching '[' (operand: its pc)
SET_ZERO = 6   # '[-]' or '[+]'

TAPE_SIZE = 30000
FLUSH_AT = 4096


class BfError(Exception):
    """A malformed program or a tape underflow."""


def get_location(pc, program, bracket_map):
    return "pc=%d op=%d arg=%d" % (pc, program[pc], bracket_map[pc])


jitdriver = JitDriver(greens=['pc', 'program', 'bracket_map'],
                      reds=['tape', 'position', 'out'],
                      get_printable_location=get_location)


def emit(program, bracket_map, op, arg):
    program.append(op)
    bracket_map.append(arg)


def parse(source):
    """Turn Brainfuck source bytes into (program, bracket_map)."""
    program = []
    bracket_map = []
    open_pcs = []
    i = 0
    n = len(source)
    while i < n:
        c = source[i]
        i += 1
        if c == 43 or c == 45:          # + -
            amount = 0
            i -= 1
            while i < n:
                c = source[i]
                if c == 43:
                    amount += 1
                elif c == 45:
                    amount -= 1
                elif not is_command(c):
                    pass
                else:
                    break
                i += 1
            amount = amount & 0xff
            if amount != 0:
                emit(program, bracket_map, ADD, amount)
        elif c == 60 or c == 62:        # < >
            distance = 0
            i -= 1
            while i < n:
                c = source[i]
                if c == 62:
                    distance += 1
                elif c == 60:
                    distance -= 1
                elif not is_command(c):
                    pass
                else:
                    break
                i += 1
            if distance != 0:
                emit(program, bracket_map, MOVE, distance)
        elif c == 46:                   # .
            emit(program, bracket_map, OUTPUT, 0)
        elif c == 44:                   # ,
            emit(program, bracket_map, INPUT, 0)
        elif c == 91:                   # [
            open_pcs.append(len(program))
            emit(program, bracket_map, LOOP, 0)
        elif c == 93:                   # ]
            if len(open_pcs) == 0:
                raise BfError("unmatched ']'")
            start = open_pcs.pop()
            body = len(program) - start - 1
            if (body == 1 and program[start + 1] == ADD
                    and (bracket_map[start + 1] == 1 or bracket_map[start + 1] == 255)):
                program.pop()
                bracket_map.pop()
                program[start] = SET_ZERO
                bracket_map[start] = 0
            else:
                bracket_map[start] = len(program)
                emit(program, bracket_map, END, start)
    if len(open_pcs) != 0:
        raise BfError("unmatched '['")
    return program, bracket_map


def is_command(c):
    return c == 43 or c == 45 or c == 60 or c == 62 or c == 46 or c == 44 or c == 91 or c == 93


class Output(object):
    """Buffered stdout: cells are bytes, kept as latin-1 characters in a
    StringBuilder and written every FLUSH_AT bytes and before each read."""

    def __init__(self):
        self.builder = StringBuilder()
        self.length = 0

    def put(self, c):
        self.builder.append(chr(c))
        self.length += 1
        if self.length >= FLUSH_AT:
            self.flush()

    def flush(self):
        if self.length > 0:
            os.write(1, self.builder.build().encode("latin-1"))
            self.builder = StringBuilder()
            self.length = 0


def mainloop(program, bracket_map, out):
    tape = [0] * TAPE_SIZE
    position = 0
    pc = 0
    while pc < len(program):
        jitdriver.jit_merge_point(pc=pc, program=program, bracket_map=bracket_map,
                                  tape=tape, position=position, out=out)
        op = program[pc]
        if op == ADD:
            tape[position] = (tape[position] + bracket_map[pc]) & 0xff
        elif op == MOVE:
            position += bracket_map[pc]
            if position >= len(tape):
                while position >= len(tape):
                    tape.append(0)
            elif position < 0:
                raise BfError("moved left of the first cell")
        elif op == LOOP:
            if tape[position] == 0:
                pc = bracket_map[pc]
        elif op == END:
            if tape[position] != 0:
                pc = bracket_map[pc] + 1
                jitdriver.can_enter_jit(pc=pc, program=program, bracket_map=bracket_map,
                                        tape=tape, position=position, out=out)
                continue
        elif op == SET_ZERO:
            tape[position] = 0
        elif op == OUTPUT:
            out.put(tape[position])
        elif op == INPUT:
            out.flush()
            data = os.read(0, 1)
            if len(data) > 0:
                tape[position] = data[0]
        pc += 1


def read_file(path):
    fd = os.open(path, os.O_RDONLY, 0o777)
    chunks = []
    while True:
        chunk = os.read(fd, 65536)
        if len(chunk) == 0:
            break
        chunks.append(chunk)
    os.close(fd)
    return b"".join(chunks)


def entry_point(argv):
    if len(argv) != 2:
        os.write(2, b"usage: targetbf PROGRAM.b\n")
        return 2
    try:
        source = read_file(argv[1])
    except OSError:
        os.write(2, b"bf: error: cannot read " + argv[1].encode("utf-8") + b"\n")
        return 1
    out = Output()
    try:
        program, bracket_map = parse(source)
        mainloop(program, bracket_map, out)
    except BfError as e:
        out.flush()
        os.write(2, b"bf: error: " + str(e).encode("utf-8") + b"\n")
        return 1
    out.flush()
    return 0


def target(driver, args):
    return entry_point, None


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

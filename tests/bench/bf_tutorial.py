# A Brainfuck VM in the usual RPython style (py2 syntax), the shape of the
# RPython tutorial's last example: the program is a string of one-character
# ops, dispatch is `if code == "+"`, the bracket map is a dict read by an
# elidable function, and the driver has greens (pc, program, bracket_map)
# and no can_enter_jit (the merge point is the loop header).
#
# Translated unchanged by `rpython --py2 -Ojit` and by RPython's own
# `rpython -Ojit` (the side-by-side benchmark); run on CPython 2.7
# with the support package on the path: `python2 bf_tutorial.py prog.b`.
import os

from rpython.rlib.jit import JitDriver, elidable


def get_location(pc, program, bracket_map):
    return "%s_%s_%s" % (program[:pc], program[pc], program[pc + 1:])


jitdriver = JitDriver(greens=['pc', 'program', 'bracket_map'], reds=['tape'],
                      get_printable_location=get_location)


@elidable
def get_matching_bracket(bracket_map, pc):
    return bracket_map[pc]


class Tape(object):
    def __init__(self):
        self.thetape = [0]
        self.position = 0

    def get(self):
        return self.thetape[self.position]

    def set(self, val):
        self.thetape[self.position] = val

    def inc(self):
        self.thetape[self.position] = (self.thetape[self.position] + 1) & 0xff

    def dec(self):
        self.thetape[self.position] = (self.thetape[self.position] - 1) & 0xff

    def advance(self):
        self.position += 1
        if len(self.thetape) <= self.position:
            self.thetape.append(0)

    def devance(self):
        self.position -= 1


def mainloop(program, bracket_map):
    pc = 0
    tape = Tape()
    while pc < len(program):
        jitdriver.jit_merge_point(pc=pc, tape=tape, program=program,
                                  bracket_map=bracket_map)
        code = program[pc]
        if code == ">":
            tape.advance()
        elif code == "<":
            tape.devance()
        elif code == "+":
            tape.inc()
        elif code == "-":
            tape.dec()
        elif code == ".":
            os.write(1, chr(tape.get()))
        elif code == ",":
            data = os.read(0, 1)
            if len(data) > 0:
                tape.set(ord(data[0]))
        elif code == "[" and tape.get() == 0:
            pc = get_matching_bracket(bracket_map, pc)
        elif code == "]" and tape.get() != 0:
            pc = get_matching_bracket(bracket_map, pc)
        pc += 1


def parse(program):
    parsed = []
    bracket_map = {}
    leftstack = []
    pc = 0
    for char in program:
        if char in ('[', ']', '<', '>', '+', '-', ',', '.'):
            parsed.append(char)
            if char == '[':
                leftstack.append(pc)
            elif char == ']':
                left = leftstack.pop()
                right = pc
                bracket_map[left] = right
                bracket_map[right] = left
            pc += 1
    return "".join(parsed), bracket_map


def run(fp):
    contents = ""
    while True:
        read = os.read(fp, 4096)
        if len(read) == 0:
            break
        contents += read
    os.close(fp)
    program, bm = parse(contents)
    mainloop(program, bm)


def entry_point(argv):
    if len(argv) != 2:
        print "usage: bf_tutorial PROGRAM.b"
        return 1
    run(os.open(argv[1], os.O_RDONLY, 0777))
    return 0


def target(*args):
    return entry_point, None


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

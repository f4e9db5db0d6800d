# A Brainfuck VM in the RPython tutorial's style: the program is a str of
# one-character ops dispatched by `if code == "+"`, the bracket map is a
# dict read by an elidable function, and the driver has no can_enter_jit
# (the merge point is the loop header, so every position can start a
# trace). Output goes through a StringBuilder.
from rpython.rlib.jit import JitDriver, elidable
from rpython.rlib.rstring import StringBuilder


def get_location(pc, program, bracket_map):
    return "%d:%s" % (pc, program[pc])


jitdriver = JitDriver(greens=['pc', 'program', 'bracket_map'], reds=['tape', 'out'],
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
    out = StringBuilder()
    while pc < len(program):
        jitdriver.jit_merge_point(pc=pc, tape=tape, out=out, program=program,
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
            out.append(chr(tape.get()))
        elif code == "[" and tape.get() == 0:
            pc = get_matching_bracket(bracket_map, pc)
        elif code == "]" and tape.get() != 0:
            pc = get_matching_bracket(bracket_map, pc)
        pc += 1
    return out.build()


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
                bracket_map[left] = pc
                bracket_map[pc] = left
            pc += 1
    return "".join(parsed), bracket_map


HELLO = ("++++++++[>++++[>++>+++>+++>+<<<<-]>+>+>->>+[<]<-]>>.>---.+++++++..+++."
         ">>.<-.<.+++.------.--------.>>+.")

# Prints the cells 0..n of a 2-deep counting loop as letters: the inner
# loops run hot enough (thousands of iterations) to be traced.
COUNT = ("++++++++++[>++++++++++<-]>"          # cell1 = 100
         "[>+++[>+++++<-]>[-]<<-]"             # 100 x (3 x 5) inner work
         "++++++++[>++++++++<-]>+.")           # 'A'


def run(source):
    program, bm = parse(source)
    return mainloop(program, bm)


def entry_point(argv):
    print(run(HELLO).strip())
    total = 0
    for i in range(30):
        text = run(COUNT)
        total += len(text) + ord(text[0])
    print(total)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

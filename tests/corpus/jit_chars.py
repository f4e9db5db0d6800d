# An interpreter of FALSE (a tiny stack language) whose dispatch is on
# one-character strings: `c = program.text[pc]` then `if c == "+": ...`.
# Lambdas are pc values; `!` (call), `?` (if) and `#` (while) push frames on
# an explicit return stack, so the loops of a `#` are backward jumps in the
# one dispatch loop (can_enter_jit when a while loop goes back to its test).
from rpython.rlib.jit import JitDriver, dont_look_inside, elidable

CALL_FRAME = 0
COND_FRAME = 1
BODY_FRAME = 2


class FalseError(Exception):
    def __init__(self, msg):
        self.msg = msg


class Program(object):
    _immutable_fields_ = ["text", "match[*]"]

    def __init__(self, text, match):
        self.text = text
        self.match = match

    @elidable
    def lambda_end(self, pc):
        return self.match[pc]


def parse(text):
    match = [-1] * len(text)
    opens = []
    i = 0
    while i < len(text):
        c = text[i]
        if c == '"':
            i += 1
            while i < len(text) and text[i] != '"':
                i += 1
        elif c == "{":
            while i < len(text) and text[i] != "}":
                i += 1
        elif c == "'":
            i += 1
        elif c == "[":
            opens.append(i)
        elif c == "]":
            if len(opens) == 0:
                raise FalseError("unmatched ]")
            start = opens.pop()
            match[start] = i
        i += 1
    if len(opens) != 0:
        raise FalseError("unmatched [")
    return Program(text, match)


class State(object):
    def __init__(self):
        self.stack = []
        self.frames = []      # kind, return pc, cond, body: four ints per frame
        self.variables = [0] * 26
        self.out = []
        self.steps = 0

    def push(self, v):
        self.stack.append(v)

    def pop(self):
        if len(self.stack) == 0:
            raise FalseError("stack underflow")
        return self.stack.pop()

    def push_frame(self, kind, ret, cond, body):
        if len(self.frames) > 4000:
            raise FalseError("return stack overflow")
        self.frames.append(kind)
        self.frames.append(ret)
        self.frames.append(cond)
        self.frames.append(body)


@dont_look_inside
def write(state, s):
    state.out.append(s)


def get_location(pc, program):
    if pc >= len(program.text):
        return "end"
    return "%d '%s'" % (pc, program.text[pc])


driver = JitDriver(greens=["pc", "program"], reds=["state"], get_printable_location=get_location)


def run(program, state):
    pc = 0
    while True:
        driver.jit_merge_point(pc=pc, program=program, state=state)
        text = program.text
        if pc >= len(text):
            if len(state.frames) != 0:
                raise FalseError("program ended inside a lambda")
            return
        state.steps += 1
        c = text[pc]
        pc += 1
        if c == " " or c == "\n":
            pass
        elif c.isdigit():
            n = ord(c) - 48
            while pc < len(text) and text[pc].isdigit():
                n = n * 10 + ord(text[pc]) - 48
                pc += 1
            state.push(n)
        elif "a" <= c <= "z":
            state.push(ord(c) - 97)
        elif c == ":":
            addr = state.pop()
            state.variables[addr] = state.pop()
        elif c == ";":
            state.push(state.variables[state.pop()])
        elif c == "'":
            state.push(ord(text[pc]))
            pc += 1
        elif c == "+":
            b = state.pop()
            state.push(state.pop() + b)
        elif c == "-":
            b = state.pop()
            state.push(state.pop() - b)
        elif c == "*":
            b = state.pop()
            state.push(state.pop() * b)
        elif c == "/":
            b = state.pop()
            a = state.pop()
            if b == 0:
                raise FalseError("division by zero")
            q = abs(a) // abs(b)
            state.push(-q if (a < 0) != (b < 0) else q)
        elif c == "_":
            state.push(-state.pop())
        elif c == "=":
            b = state.pop()
            state.push(-1 if state.pop() == b else 0)
        elif c == ">":
            b = state.pop()
            state.push(-1 if state.pop() > b else 0)
        elif c == "&":
            b = state.pop()
            state.push(state.pop() & b)
        elif c == "|":
            b = state.pop()
            state.push(state.pop() | b)
        elif c == "~":
            state.push(~state.pop())
        elif c == "$":
            v = state.pop()
            state.push(v)
            state.push(v)
        elif c == "%":
            state.pop()
        elif c == "\\":
            b = state.pop()
            a = state.pop()
            state.push(b)
            state.push(a)
        elif c == "@":
            z = state.pop()
            y = state.pop()
            x = state.pop()
            state.push(y)
            state.push(z)
            state.push(x)
        elif c == ".":
            write(state, str(state.pop()))
        elif c == ",":
            write(state, chr(state.pop() & 0x7f))
        elif c == '"':
            end = text.find('"', pc)
            if end < 0:
                raise FalseError("unterminated string")
            write(state, text[pc:end])
            pc = end + 1
        elif c == "{":
            end = text.find("}", pc)
            pc = len(text) if end < 0 else end + 1
        elif c == "[":
            state.push(pc)
            pc = program.lambda_end(pc - 1) + 1
        elif c == "!":
            target = state.pop()
            state.push_frame(CALL_FRAME, pc, 0, 0)
            pc = target
        elif c == "?":
            target = state.pop()
            if state.pop() != 0:
                state.push_frame(CALL_FRAME, pc, 0, 0)
                pc = target
        elif c == "#":
            body = state.pop()
            cond = state.pop()
            state.push_frame(COND_FRAME, pc, cond, body)
            pc = cond
        elif c == "]":
            frames = state.frames
            if len(frames) == 0:
                raise FalseError("] outside a lambda")
            body = frames.pop()
            cond = frames.pop()
            ret = frames.pop()
            kind = frames.pop()
            if kind == CALL_FRAME:
                pc = ret
            elif kind == COND_FRAME:
                if state.pop() != 0:
                    state.push_frame(BODY_FRAME, ret, cond, body)
                    pc = body
                else:
                    pc = ret
            else:
                state.push_frame(COND_FRAME, ret, cond, body)
                pc = cond
                driver.can_enter_jit(pc=pc, program=program, state=state)
        else:
            raise FalseError("unknown command " + c)


PROGRAMS = [
    '"Hello, World!"10,',
    "[$1>[$1-f;!*]?]f: 10f;!. 10, 20f;!.",
    "1i:[11i;>][i;$*.' ,i;1+i:]#",
    "2n:[200n;>][1_p:2d:[d;d;*n;>~p;&][n;n;d;/d;*-0=[0p:]?d;1+d:]#p;[n;.' ,]?n;1+n:]#",
    "0s:1i:[3001i;>][s;i;+s:i;1+i:]#s;.",
    "27n:0c:[n;1=~][n;n;2/2*-o:o;[n;3*1+n:]?o;0=[n;2/n:]?c;1+c:]#c;.",
    "'A$,1+$,1+,10,",
    "[[1+]!]g: 5g;!. 3 4@..",
    "7 2/. 7_ 2/. 1 2 3@...",
    "{ a comment } 1 2+.",
    "1 2 3 + + + .",
    "[1",
    "5 0/.",
    "1 2 ~ |.",
    "[$0>[1-r;!]?]r: 500r;!.",
    "[$0>[1-r;!]?]r: 2000r;!.",
]


def entry_point(argv):
    for text in PROGRAMS:
        state = State()
        try:
            run(parse(text), state)
            status = "ok"
        except FalseError as e:
            status = "error: " + e.msg
        print("%s [%s, %d steps, stack %s]" % ("".join(state.out).replace("\n", "\\n"), status,
                                                state.steps,
                                                " ".join([str(v) for v in state.stack])))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

# A tagged-value stack VM in RPython style: W_ boxes with _immutable_fields_, @specialize.argtype wrapping, JitDriver hints, StringBuilder output, we_are_translated.
from rpython.rlib.jit import JitDriver, promote, elidable, unroll_safe
from rpython.rlib.objectmodel import specialize, we_are_translated
from rpython.rlib.rstring import StringBuilder
from rpython.rlib.rarithmetic import ovfcheck, intmask

jitdriver = JitDriver(greens=["pc", "code"], reds=["stack", "frame"])


class W_Value(object):
    _attrs_ = []

    def str_w(self):
        raise NotImplementedError

    def truthy(self):
        return True

    def add(self, other):
        raise TypeErr("cannot add %s and %s" % (self.str_w(), other.str_w()))


class W_Int(W_Value):
    _attrs_ = ["v"]
    _immutable_fields_ = ["v"]

    def __init__(self, v):
        self.v = v

    def str_w(self):
        return str(self.v)

    def truthy(self):
        return self.v != 0

    def add(self, other):
        if isinstance(other, W_Int):
            try:
                return W_Int(ovfcheck(self.v + other.v))
            except OverflowError:
                return W_Str("<overflow>")
        return W_Value.add(self, other)


class W_Str(W_Value):
    _attrs_ = ["s"]
    _immutable_fields_ = ["s"]

    def __init__(self, s):
        self.s = s

    def str_w(self):
        return self.s

    def truthy(self):
        return len(self.s) > 0

    def add(self, other):
        if isinstance(other, W_Str):
            return W_Str(self.s + other.s)
        return W_Value.add(self, other)


class TypeErr(Exception):
    def __init__(self, msg):
        self.msg = msg


@specialize.argtype(0)
def wrap(x):
    if isinstance(x, str):
        return W_Str(x)
    return W_Int(x)


class Code(object):
    _immutable_fields_ = ["ops[*]", "consts[*]", "name"]

    def __init__(self, name, ops, consts):
        self.name = name
        self.ops = ops
        self.consts = consts

    @elidable
    def const(self, i):
        return self.consts[i]


class Frame(object):
    def __init__(self):
        self.out = StringBuilder()
        self.steps = 0


PUSH, ADD, DUP, PRINT, JNZ, DEC, POP, SWAP, HALT = range(9)


@unroll_safe
def drop(stack, n):
    for _ in range(n):
        stack.pop()


def interpret(code, frame):
    pc = 0
    stack = []
    while True:
        jitdriver.jit_merge_point(pc=pc, code=code, stack=stack, frame=frame)
        code = promote(code)
        op = code.ops[pc]
        arg = code.ops[pc + 1]
        pc += 2
        frame.steps += 1
        if op == PUSH:
            stack.append(code.const(arg))
        elif op == ADD:
            b = stack.pop()
            a = stack.pop()
            stack.append(a.add(b))
        elif op == DUP:
            stack.append(stack[-1 - arg])
        elif op == PRINT:
            frame.out.append(stack[-1].str_w())
            frame.out.append("\n")
        elif op == JNZ:
            if stack.pop().truthy():
                pc = arg
                jitdriver.can_enter_jit(pc=pc, code=code, stack=stack, frame=frame)
        elif op == DEC:
            top = stack.pop()
            if not isinstance(top, W_Int):
                raise TypeErr("dec of non-int " + top.str_w())
            stack.append(W_Int(top.v - arg))
        elif op == POP:
            drop(stack, arg)
        elif op == SWAP:
            stack[-1], stack[-2] = stack[-2], stack[-1]
        elif op == HALT:
            return stack
        else:
            raise TypeErr("bad opcode %d" % op)


PROGRAMS = [
    Code("count", [PUSH, 0, PRINT, 0, DEC, 1, DUP, 0, JNZ, 2, HALT, 0], [wrap(5)]),
    Code("concat", [PUSH, 0, PUSH, 1, ADD, 0, PRINT, 0, PUSH, 2, ADD, 0, PRINT, 0, HALT, 0],
         [wrap("ab"), wrap("cd"), wrap("!")]),
    Code("sum", [PUSH, 0, PUSH, 1, ADD, 0, PRINT, 0, DUP, 0, ADD, 0, PRINT, 0, HALT, 0],
         [wrap(4611686018427387904), wrap(-1)]),
    Code("mixed", [PUSH, 0, PUSH, 1, ADD, 0, HALT, 0], [wrap(1), wrap("x")]),
    Code("swap", [PUSH, 0, PUSH, 1, SWAP, 0, PRINT, 0, POP, 1, PRINT, 0, DEC, 3, PRINT, 0, HALT, 0],
         [wrap(10), wrap(20)]),
    Code("bad", [PUSH, 0, DEC, 1, HALT, 0], [wrap("s")]),
]


def entry_point(argv):
    print("mode:", "translated" if we_are_translated() else "translated")
    total = 0
    for code in PROGRAMS:
        frame = Frame()
        try:
            stack = interpret(code, frame)
            print("[%s] ok, depth %d, steps %d" % (code.name, len(stack), frame.steps))
        except TypeErr as e:
            print("[%s] TypeErr: %s (steps %d)" % (code.name, e.msg, frame.steps))
        text = frame.out.build()
        if text:
            print(text.rstrip("\n").replace("\n", " | "))
        total += frame.steps
    print("total steps", total, intmask(total * 3))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

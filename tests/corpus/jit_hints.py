# An interpreter that uses the rest of the JIT hints the way RPython
# interpreters do: set_param on the driver, module globals behind a version
# object (promote the version, @elidable lookup keyed on it), promote and
# hint(promote=True) on values that select code, @unroll_safe over small
# fixed-size vectors, @dont_look_inside logging, loop_header() in an inner
# counted loop, and we_are_jitted() only where both branches agree.
from rpython.rlib.jit import (JitDriver, promote, elidable, unroll_safe, dont_look_inside,
                              we_are_jitted, set_param, hint)

PUSH = 0
LOADG = 1
STOREG = 2
ADD = 3
MUL = 4
VDOT = 5
VSCALE = 6
REPEAT = 7
JNZ = 8
DEC = 9
LOG = 10
HALT = 11
DUP = 12
POPV = 13
VSUM = 14
MOD = 15

NAMES = ["PUSH", "LOADG", "STOREG", "ADD", "MUL", "VDOT", "VSCALE", "REPEAT", "JNZ", "DEC",
         "LOG", "HALT", "DUP", "POPV", "VSUM", "MOD"]

VSIZE = 4


class Version(object):
    """A new Version replaces the old one whenever a global changes."""


class Globals(object):
    _immutable_fields_ = ["names[*]"]

    def __init__(self, names):
        self.names = names
        self.values = [0] * len(names)
        self.version = Version()

    @elidable
    def _lookup(self, version, index):
        return self.values[index]

    def get(self, index):
        version = promote(self.version)
        return self._lookup(version, index)

    def set(self, index, value):
        if self.values[index] != value:
            self.values[index] = value
            self.version = Version()


class Code(object):
    _immutable_fields_ = ["name", "ops[*]", "args[*]", "vectors[*]"]

    def __init__(self, name, ops, args, vectors):
        self.name = name
        self.ops = ops
        self.args = args
        self.vectors = vectors


class Log(object):
    def __init__(self):
        self.lines = []


@dont_look_inside
def log(logger, text):
    logger.lines.append(text)


@unroll_safe
def dot(a, b):
    total = 0
    for i in range(VSIZE):
        total += a[i] * b[i]
    return total


@unroll_safe
def scale(a, k):
    result = [0] * VSIZE
    for i in range(VSIZE):
        result[i] = a[i] * k
    return result


@elidable
def vector_sum(v):
    total = 0
    for x in v:
        total += x
    return total


def fast_mod(a, b):
    if we_are_jitted():
        # What the JIT sees: the same arithmetic, spelled differently.
        return a - (a // b) * b
    return a % b


def get_location(pc, code):
    return "%s:%d %s" % (code.name, pc, NAMES[code.ops[pc]])


driver = JitDriver(greens=["pc", "code"], reds=["stack", "glob", "logger"],
                   get_printable_location=get_location)


def interpret(code, glob, logger):
    stack = []
    pc = 0
    while True:
        driver.jit_merge_point(pc=pc, code=code, stack=stack, glob=glob, logger=logger)
        op = code.ops[pc]
        arg = code.args[pc]
        pc += 1
        if op == PUSH:
            stack.append(arg)
        elif op == DUP:
            x = stack.pop()
            stack.append(x)
            stack.append(x)
        elif op == LOADG:
            stack.append(glob.get(arg))
        elif op == STOREG:
            glob.set(arg, stack.pop())
        elif op == ADD:
            b = stack.pop()
            stack.append(stack.pop() + b)
        elif op == MUL:
            b = stack.pop()
            stack.append(stack.pop() * b)
        elif op == MOD:
            b = stack.pop()
            stack.append(fast_mod(stack.pop(), b))
        elif op == VDOT:
            v = code.vectors[arg]
            w = code.vectors[arg + 1]
            stack.append(dot(v, w))
        elif op == VSCALE:
            k = stack.pop()
            stack.append(dot(scale(code.vectors[arg], k), code.vectors[arg + 1]))
        elif op == VSUM:
            stack.append(vector_sum(code.vectors[arg]))
        elif op == REPEAT:
            # Add the top of the stack to global `arg` n times in an inner
            # loop; with a constant n the JIT may unroll it, otherwise
            # loop_header marks it as a loop of its own.
            n = stack.pop()
            x = stack.pop()
            n = hint(n, promote=True)
            total = glob.get(arg)
            while n > 0:
                driver.loop_header()
                total += x
                n -= 1
            glob.set(arg, total)
        elif op == DEC:
            glob.set(arg, glob.get(arg) - 1)
        elif op == JNZ:
            if glob.get(arg) != 0:
                pc = code.args[pc]
                driver.can_enter_jit(pc=pc, code=code, stack=stack, glob=glob, logger=logger)
                continue
            pc += 1
        elif op == LOG:
            log(logger, "%s = %d" % (glob.names[arg], glob.get(arg)))
        elif op == POPV:
            stack.pop()
        elif op == HALT:
            return stack
        else:
            raise ValueError("bad opcode")


def build(name, text, names, vectors):
    """Assemble `OP [arg]` words separated by ';'. Global names are
    resolved through `names`; JNZ takes a global and a target index."""
    ops = []
    args = []
    for item in text.split(";"):
        words = item.split()
        if len(words) == 0:
            continue
        op = NAMES.index(words[0])
        ops.append(op)
        if op == LOADG or op == STOREG or op == DEC or op == LOG or op == REPEAT:
            args.append(names.index(words[1]))
        elif op == JNZ:
            args.append(names.index(words[1]))
            ops.append(HALT)    # the target slot: never executed
            args.append(int(words[2]))
        elif len(words) > 1:
            args.append(int(words[1]))
        else:
            args.append(0)
    return Code(name, ops, args, vectors)


GLOBAL_NAMES = ["i", "acc", "total", "k"]

PROGRAMS = [
    ("count", "PUSH 1000 ; STOREG i ; PUSH 0 ; STOREG acc ;"
              " LOADG acc ; LOADG i ; ADD ; PUSH 1000003 ; MOD ; STOREG acc ; DEC i ; JNZ i 4 ;"
              " LOG acc ; LOG i ; HALT"),
    ("vectors", "PUSH 300 ; STOREG k ; PUSH 0 ; STOREG total ;"
                " LOADG total ; VDOT 0 ; ADD ; LOADG k ; VSCALE 1 ; ADD ; VSUM 2 ; ADD ;"
                " STOREG total ; DEC k ; JNZ k 4 ; LOG total ; HALT"),
    ("repeat", "PUSH 50 ; STOREG i ; PUSH 0 ; STOREG acc ;"
               " LOADG i ; PUSH 7 ; REPEAT acc ; DEC i ; JNZ i 4 ; LOG acc ;"
               " PUSH 3 ; PUSH 5 ; MUL ; DUP ; ADD ; HALT"),
]

VECTORS = [[1, 2, 3, 4], [5, 6, 7, 8], [-1, 0, 1, 2]]


def entry_point(argv):
    set_param(driver, "threshold", 50)
    set_param(driver, "trace_limit", 4000)
    set_param(driver, "inlining", 1)
    logger = Log()
    for name, text in PROGRAMS:
        glob = Globals(GLOBAL_NAMES)
        code = build(name, text, GLOBAL_NAMES, VECTORS)
        stack = interpret(code, glob, logger)
        log(logger, "%s: stack [%s]" % (name, ", ".join([str(x) for x in stack])))
    for line in logger.lines:
        print(line)
    print(dot(VECTORS[0], VECTORS[1]), scale(VECTORS[2], 3), fast_mod(-17, 5), fast_mod(17, -5))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

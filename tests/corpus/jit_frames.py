# A stack VM whose calls do not recurse in the host: each call pushes a
# Frame (locals, operand stack, caller link) and the one dispatch loop
# switches the green `code`. Guest exceptions use per-function handler
# tables (start, end, target, kind), as CPython 3.11's exception table:
# a raise unwinds frames in the same loop until a range covers the pc.
# Integer overflow and division by zero become guest exceptions.
from rpython.rlib.jit import JitDriver, promote, dont_look_inside, unroll_safe
from rpython.rlib.rarithmetic import ovfcheck

CONST = 0
LOAD = 1
STORE = 2
ADD = 3
SUB = 4
MUL = 5
DIV = 6
LT = 7
EQ = 8
JUMP_IF_FALSE = 9
JUMP = 10
CALL = 11
RET = 12
RAISE = 13
PRINT = 14
POP = 15
DUP = 16
INC = 17

MNEMONICS = {"const": CONST, "load": LOAD, "store": STORE, "add": ADD, "sub": SUB,
             "mul": MUL, "div": DIV, "lt": LT, "eq": EQ, "jf": JUMP_IF_FALSE,
             "jump": JUMP, "call": CALL, "ret": RET, "raise": RAISE, "print": PRINT,
             "pop": POP, "dup": DUP, "inc": INC}

KINDS = ["Error", "ValueError", "Overflow", "ZeroDivision", "StackOverflow"]


class AsmError(Exception):
    def __init__(self, msg):
        self.msg = msg


class GuestException(Exception):
    def __init__(self, kind, payload):
        self.kind = kind
        self.payload = payload


class Handler(object):
    _immutable_fields_ = ["start", "end", "target", "kind"]

    def __init__(self, start, end, target, kind):
        self.start = start
        self.end = end
        self.target = target
        self.kind = kind


class Code(object):
    _immutable_fields_ = ["name", "nargs", "nlocals", "ops[*]", "args[*]", "handlers[*]"]

    def __init__(self, name, nargs, nlocals, ops, args, handlers):
        self.name = name
        self.nargs = nargs
        self.nlocals = nlocals
        self.ops = ops
        self.args = args
        self.handlers = handlers

    @unroll_safe
    def find_handler(self, pc, kind):
        for h in self.handlers:
            if h.start <= pc < h.end and (h.kind == 0 or h.kind == kind):
                return h.target
        return -1


class Frame(object):
    _immutable_fields_ = ["code", "caller"]

    def __init__(self, code, caller, depth):
        self.code = code
        self.caller = caller
        self.depth = depth
        self.locals = [0] * code.nlocals
        self.stack = []
        self.return_pc = 0

    def push(self, v):
        self.stack.append(v)

    def pop(self):
        return self.stack.pop()


class VM(object):
    def __init__(self, functions):
        self.functions = functions
        self.out = []
        self.calls = 0


@dont_look_inside
def emit(vm, text):
    vm.out.append(text)


def get_location(pc, code):
    return "%s:%d" % (code.name, pc)


driver = JitDriver(greens=["pc", "code"], reds=["frame", "vm"], get_printable_location=get_location)


def execute(vm, main, arg):
    """Run function `main` with one argument; return its result or raise
    GuestException when nothing handles a guest exception."""
    code = main
    frame = Frame(code, None, 0)
    frame.locals[0] = arg
    pc = 0
    while True:
        driver.jit_merge_point(pc=pc, code=code, frame=frame, vm=vm)
        op = code.ops[pc]
        oparg = code.args[pc]
        pc += 1
        if op == JUMP:
            # Outside the try below: nothing may change the green pc
            # between can_enter_jit and the merge point.
            backward = oparg < pc
            pc = oparg
            if backward:
                driver.can_enter_jit(pc=pc, code=code, frame=frame, vm=vm)
            continue
        try:
            if op == CONST:
                frame.push(oparg)
            elif op == LOAD:
                frame.push(frame.locals[oparg])
            elif op == STORE:
                frame.locals[oparg] = frame.pop()
            elif op == INC:
                frame.locals[oparg] = ovfcheck(frame.locals[oparg] + 1)
            elif op == ADD or op == SUB or op == MUL:
                b = frame.pop()
                a = frame.pop()
                if op == ADD:
                    frame.push(ovfcheck(a + b))
                elif op == SUB:
                    frame.push(ovfcheck(a - b))
                else:
                    frame.push(ovfcheck(a * b))
            elif op == DIV:
                b = frame.pop()
                a = frame.pop()
                if b == 0:
                    raise GuestException(3, a)
                frame.push(a // b)
            elif op == LT:
                b = frame.pop()
                a = frame.pop()
                frame.push(1 if a < b else 0)
            elif op == EQ:
                b = frame.pop()
                a = frame.pop()
                frame.push(1 if a == b else 0)
            elif op == JUMP_IF_FALSE:
                if frame.pop() == 0:
                    pc = oparg
            elif op == CALL:
                callee = promote(vm.functions[oparg])
                if frame.depth >= 200:
                    raise GuestException(4, frame.depth)
                new_frame = Frame(callee, frame, frame.depth + 1)
                i = callee.nargs - 1
                while i >= 0:
                    new_frame.locals[i] = frame.pop()
                    i -= 1
                frame.return_pc = pc
                vm.calls += 1
                frame = new_frame
                code = callee
                pc = 0
            elif op == RET:
                result = frame.pop()
                caller = frame.caller
                if caller is None:
                    return result
                frame = caller
                code = frame.code
                pc = frame.return_pc
                frame.push(result)
            elif op == RAISE:
                payload = frame.pop()
                raise GuestException(oparg, payload)
            elif op == PRINT:
                emit(vm, str(frame.pop()))
            elif op == POP:
                frame.pop()
            elif op == DUP:
                v = frame.pop()
                frame.push(v)
                frame.push(v)
        except OverflowError:
            pc, code, frame = unwind(GuestException(2, 0), pc - 1, code, frame)
        except GuestException as e:
            pc, code, frame = unwind(e, pc - 1, code, frame)


def unwind(e, pc, code, frame):
    """Find a handler for e, starting at pc in frame and going up the
    callers; return where to continue, or re-raise e."""
    while True:
        target = code.find_handler(pc, e.kind)
        if target >= 0:
            frame.stack = []
            frame.push(e.payload)
            return target, code, frame
        caller = frame.caller
        if caller is None:
            raise e
        frame = caller
        code = frame.code
        pc = frame.return_pc - 1


def assemble(source):
    """Functions: `func NAME NARGS NLOCALS`, then instructions, `LABEL:`
    lines and `handler FROM TO TARGET KIND` (labels; KIND from KINDS, or
    any). Calls name functions; function indexes follow the order."""
    sections = []
    names = {}
    for line in source.split("\n"):
        words = line.split()
        if len(words) == 0 or words[0].startswith(";"):
            continue
        if words[0] == "func":
            names[words[1]] = len(sections)
            sections.append([words])
        elif len(sections) == 0:
            raise AsmError("instruction outside a function")
        else:
            sections[len(sections) - 1].append(words)
    functions = []
    for lines in sections:
        header = lines[0]
        labels = {}
        n = 0
        for words in lines[1:]:
            if words[0].endswith(":"):
                labels[words[0][:-1]] = n
            elif words[0] != "handler":
                n += 1
        ops = []
        args = []
        handlers = []
        for words in lines[1:]:
            if words[0].endswith(":"):
                continue
            if words[0] == "handler":
                kind = 0
                if words[4] != "any":
                    if words[4] not in KINDS:
                        raise AsmError("unknown exception kind " + words[4])
                    kind = KINDS.index(words[4])
                handlers.append(Handler(label(labels, words[1]), label(labels, words[2]),
                                        label(labels, words[3]), kind))
                continue
            if words[0] not in MNEMONICS:
                raise AsmError("unknown instruction " + words[0])
            op = MNEMONICS[words[0]]
            arg = 0
            if op == JUMP or op == JUMP_IF_FALSE:
                arg = label(labels, words[1])
            elif op == CALL:
                if words[1] not in names:
                    raise AsmError("unknown function " + words[1])
                arg = names[words[1]]
            elif op == RAISE:
                if words[1] not in KINDS:
                    raise AsmError("unknown exception kind " + words[1])
                arg = KINDS.index(words[1])
            elif len(words) > 1:
                arg = int(words[1])
            ops.append(op)
            args.append(arg)
        functions.append(Code(header[1], int(header[2]), int(header[3]), ops, args, handlers))
    return functions, names


def label(labels, name):
    if name not in labels:
        raise AsmError("unknown label " + name)
    return labels[name]


PROGRAM = """
func main 1 3
    ; main(n): prints fib(n / 2), sum_to(n), safe_div over a range, checked_fact(n)
    load 0
    const 2
    div
    call fib
    print
    load 0
    call sum_to
    print
    const 0
    store 1
loop:
    load 1
    const 6
    lt
    jf done
    const 100
    load 1
    const 3
    sub
    call safe_div
    print
    inc 1
    jump loop
done:
    load 0
    call checked_fact
    print
    const 0
    ret

func fib 1 1
    load 0
    const 2
    lt
    jf recurse
    load 0
    ret
recurse:
    load 0
    const 1
    sub
    call fib
    load 0
    const 2
    sub
    call fib
    add
    ret

func sum_to 1 3
    const 0
    store 1
    const 0
    store 2
top:
    load 2
    load 0
    lt
    jf end
    load 1
    load 2
    load 2
    mul
    add
    store 1
    inc 2
    jump top
end:
    load 1
    ret

func safe_div 2 2
    ; a / b, or -1 when b is 0 (the ZeroDivision is caught here)
    handler t0 t1 catch ZeroDivision
t0:
    load 0
    load 1
    div
    ret
t1:
catch:
    pop
    const -1
    ret

func fact 1 1
    load 0
    const 0
    lt
    jf nonneg
    load 0
    raise ValueError
nonneg:
    load 0
    const 2
    lt
    jf more
    const 1
    ret
more:
    load 0
    load 0
    const 1
    sub
    call fact
    mul
    ret

func checked_fact 1 1
    ; fact(n), or -2 on overflow, or -3 on a negative argument: the
    ; exceptions are raised two or more frames down
    handler s0 s1 ovf Overflow
    handler s0 s1 neg ValueError
s0:
    load 0
    call fact
    ret
s1:
ovf:
    pop
    const -2
    ret
neg:
    pop
    const -3
    ret

func deep 1 1
    load 0
    const 1
    add
    call deep
    ret

func thrower 1 1
    load 0
    raise Error
"""


def entry_point(argv):
    try:
        functions, names = assemble(PROGRAM)
    except AsmError as e:
        print("assembler error: " + e.msg)
        return 1
    vm = VM(functions)
    for n in [10, 20, 21, 25, 40, -4]:
        vm.out = []
        try:
            result = execute(vm, functions[names["main"]], n)
            print("main(%d) -> %d: %s" % (n, result, " ".join(vm.out)))
        except GuestException as e:
            print("main(%d) uncaught %s %d: %s" % (n, KINDS[e.kind], e.payload, " ".join(vm.out)))
    for name in ["deep", "thrower", "fact"]:
        try:
            print("%s -> %d" % (name, execute(vm, functions[names[name]], -7)))
        except GuestException as e:
            print("%s uncaught %s %d" % (name, KINDS[e.kind], e.payload))
    print("calls:", vm.calls)
    for bad in ["func f 0 0\n frob", "func f 0 0\n jump nowhere", "nop", "func f 0 0\n raise Oops"]:
        try:
            assemble(bad)
        except AsmError as e:
            print("assembler error: " + e.msg)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

# A Forth-like stack VM with a JitDriver: colon definitions compiled to
# (opcode, argument) pairs, a return stack instead of host recursion (a call
# switches the green `word`), do/loop and begin/until as backward jumps with
# can_enter_jit, overflow-checked arithmetic and errors as exceptions.
from rpython.rlib.jit import JitDriver, promote, elidable, dont_look_inside
from rpython.rlib.rarithmetic import ovfcheck

LIT = 0
CALL = 1
ADD = 2
SUB = 3
MUL = 4
DIVMOD = 5
DUP = 6
DROP = 7
SWAP = 8
OVER = 9
ROT = 10
LT = 11
GT = 12
EQ = 13
AND = 14
OR = 15
NOT = 16
DOT = 17
CR = 18
EMIT = 19
JZ = 20
JMP = 21
DO = 22
LOOP = 23
I = 24
UNTIL = 25
FETCH = 26
STORE = 27
EXIT = 28
MOD = 29
DIV = 30

PRIMITIVES = {"+": ADD, "-": SUB, "*": MUL, "/mod": DIVMOD, "/": DIV, "mod": MOD,
              "dup": DUP, "drop": DROP, "swap": SWAP, "over": OVER, "rot": ROT,
              "<": LT, ">": GT, "=": EQ, "and": AND, "or": OR, "not": NOT,
              ".": DOT, "cr": CR, "emit": EMIT, "i": I, "@": FETCH, "!": STORE,
              "exit": EXIT}

NAMES = ["lit", "call", "+", "-", "*", "/mod", "dup", "drop", "swap", "over", "rot",
         "<", ">", "=", "and", "or", "not", ".", "cr", "emit", "jz", "jmp", "do",
         "loop", "i", "until", "@", "!", "exit", "mod", "/"]


class ForthError(Exception):
    def __init__(self, msg):
        self.msg = msg


class Word(object):
    _immutable_fields_ = ["name", "code[*]"]

    def __init__(self, name, code):
        self.name = name
        self.code = code


class Dictionary(object):
    _immutable_fields_ = ["words[*]"]

    def __init__(self, words):
        self.words = words

    @elidable
    def word_at(self, index):
        return self.words[index]


def get_location(pc, word, dictionary):
    if pc >= len(word.code):
        return word.name + ": end"
    return "%s:%d %s %d" % (word.name, pc, NAMES[word.code[pc]], word.code[pc + 1])


driver = JitDriver(greens=["pc", "word", "dictionary"], reds=["vm"],
                   get_printable_location=get_location)


class Compiler(object):
    def __init__(self):
        self.names = {}          # word name -> index
        self.codes = []          # index -> code list (filled as compiled)
        self.word_names = []
        self.variables = {}      # variable name -> cell index
        self.ncells = 0

    def declare(self, name):
        index = self.names.get(name, -1)
        if index < 0:
            index = len(self.codes)
            self.names[name] = index
            self.codes.append([])
            self.word_names.append(name)
        return index

    def compile_tokens(self, name, tokens, start, stop):
        """Compile tokens[start:stop] as the body of word `name`."""
        me = self.declare(name)
        code = []
        control = []   # positions to patch; -1 marks a begin
        i = start
        while i < stop:
            tok = tokens[i]
            i += 1
            if tok in PRIMITIVES:
                code.append(PRIMITIVES[tok])
                code.append(0)
            elif tok == "if":
                control.append(len(code))
                code.append(JZ)
                code.append(0)
            elif tok == "else":
                at = control.pop()
                control.append(len(code))
                code.append(JMP)
                code.append(0)
                code[at + 1] = len(code)
            elif tok == "then":
                at = control.pop()
                code[at + 1] = len(code)
            elif tok == "begin" or tok == "do":
                if tok == "do":
                    code.append(DO)
                    code.append(0)
                control.append(len(code))
            elif tok == "until":
                code.append(UNTIL)
                code.append(control.pop())
            elif tok == "loop":
                code.append(LOOP)
                code.append(control.pop())
            elif tok == "recurse":
                code.append(CALL)
                code.append(me)
            elif tok in self.variables:
                code.append(LIT)
                code.append(self.variables[tok])
            elif tok in self.names:
                code.append(CALL)
                code.append(self.names[tok])
            else:
                try:
                    value = int(tok)
                except ValueError:
                    raise ForthError("unknown word " + tok)
                code.append(LIT)
                code.append(value)
        if len(control) != 0:
            raise ForthError("unbalanced control structure in " + name)
        self.codes[me] = code
        return me

    def compile_source(self, source):
        tokens = source.split()
        main = []
        i = 0
        while i < len(tokens):
            tok = tokens[i]
            if tok == ":":
                end = i + 2
                while end < len(tokens) and tokens[end] != ";":
                    end += 1
                if end >= len(tokens):
                    raise ForthError("missing ;")
                self.compile_tokens(tokens[i + 1], tokens, i + 2, end)
                i = end + 1
            elif tok == "variable":
                self.variables[tokens[i + 1]] = self.ncells
                self.ncells += 1
                i += 2
            else:
                main.append(tok)
                i += 1
        index = self.compile_tokens("main", main, 0, len(main))
        words = []
        for j in range(len(self.codes)):
            words.append(Word(self.word_names[j], self.codes[j][:]))
        return Dictionary(words), words[index]


class VM(object):
    def __init__(self, ncells):
        self.stack = []
        self.rs_words = []
        self.rs_pcs = []
        self.loop_index = []
        self.loop_limit = []
        self.cells = [0] * ncells
        self.line = []
        self.output = []

    def push(self, x):
        self.stack.append(x)

    def pop(self):
        if len(self.stack) == 0:
            raise ForthError("stack underflow")
        return self.stack.pop()


@dont_look_inside
def emit_text(vm, s):
    vm.line.append(s)


@dont_look_inside
def end_line(vm):
    vm.output.append("".join(vm.line))
    vm.line = []


def run(vm, dictionary, word):
    pc = 0
    while True:
        driver.jit_merge_point(pc=pc, word=word, dictionary=dictionary, vm=vm)
        if pc >= len(word.code):
            if len(vm.rs_pcs) == 0:
                return
            pc = vm.rs_pcs.pop()
            word = vm.rs_words.pop()
            continue
        op = word.code[pc]
        arg = word.code[pc + 1]
        pc += 2
        if op == LIT:
            vm.push(arg)
        elif op == CALL:
            if len(vm.rs_pcs) > 1000:
                raise ForthError("return stack overflow")
            vm.rs_words.append(word)
            vm.rs_pcs.append(pc)
            word = promote(dictionary.word_at(arg))
            pc = 0
        elif op == EXIT:
            pc = len(word.code)
        elif op == ADD or op == SUB or op == MUL:
            b = vm.pop()
            a = vm.pop()
            try:
                if op == ADD:
                    vm.push(ovfcheck(a + b))
                elif op == SUB:
                    vm.push(ovfcheck(a - b))
                else:
                    vm.push(ovfcheck(a * b))
            except OverflowError:
                raise ForthError("overflow in " + NAMES[op])
        elif op == DIVMOD or op == DIV or op == MOD:
            b = vm.pop()
            a = vm.pop()
            if b == 0:
                raise ForthError("division by zero")
            if op != DIV:
                vm.push(a % b)
            if op != MOD:
                vm.push(a // b)
        elif op == DUP:
            x = vm.pop()
            vm.push(x)
            vm.push(x)
        elif op == DROP:
            vm.pop()
        elif op == SWAP:
            b = vm.pop()
            a = vm.pop()
            vm.push(b)
            vm.push(a)
        elif op == OVER:
            b = vm.pop()
            a = vm.pop()
            vm.push(a)
            vm.push(b)
            vm.push(a)
        elif op == ROT:
            c = vm.pop()
            b = vm.pop()
            a = vm.pop()
            vm.push(b)
            vm.push(c)
            vm.push(a)
        elif op == LT or op == GT or op == EQ:
            b = vm.pop()
            a = vm.pop()
            if op == LT:
                flag = a < b
            elif op == GT:
                flag = a > b
            else:
                flag = a == b
            vm.push(-1 if flag else 0)
        elif op == AND:
            b = vm.pop()
            vm.push(vm.pop() & b)
        elif op == OR:
            b = vm.pop()
            vm.push(vm.pop() | b)
        elif op == NOT:
            vm.push(-1 if vm.pop() == 0 else 0)
        elif op == DOT:
            emit_text(vm, str(vm.pop()) + " ")
        elif op == EMIT:
            emit_text(vm, chr(vm.pop() & 127))
        elif op == CR:
            end_line(vm)
        elif op == JZ:
            if vm.pop() == 0:
                pc = arg
        elif op == JMP:
            pc = arg
        elif op == DO:
            start = vm.pop()
            limit = vm.pop()
            vm.loop_index.append(start)
            vm.loop_limit.append(limit)
        elif op == LOOP:
            n = len(vm.loop_index) - 1
            index = vm.loop_index[n] + 1
            if index < vm.loop_limit[n]:
                vm.loop_index[n] = index
                pc = arg
                driver.can_enter_jit(pc=pc, word=word, dictionary=dictionary, vm=vm)
            else:
                vm.loop_index.pop()
                vm.loop_limit.pop()
        elif op == I:
            if len(vm.loop_index) == 0:
                raise ForthError("i outside a loop")
            vm.push(vm.loop_index[len(vm.loop_index) - 1])
        elif op == UNTIL:
            if vm.pop() == 0:
                pc = arg
                driver.can_enter_jit(pc=pc, word=word, dictionary=dictionary, vm=vm)
        elif op == FETCH:
            vm.push(vm.cells[vm.pop()])
        elif op == STORE:
            addr = vm.pop()
            vm.cells[addr] = vm.pop()
        else:
            raise ForthError("bad opcode %d" % op)


PROGRAMS = [
    ": sq dup * ; : cube dup sq * ; 7 sq . 5 cube . -3 cube . cr",
    ": fact dup 2 < if drop 1 else dup 1 - recurse * then ; 10 fact . 20 fact . cr",
    ": fact dup 2 < if drop 1 else dup 1 - recurse * then ; 21 fact . cr",
    ": gcd begin dup while swap over mod repeat drop ; 1 2 3",
    ": gcd2 begin swap over mod dup 0 = until drop ; 1071 462 gcd2 . 270 192 gcd2 . cr",
    "variable total : sumsq 0 total ! 1 + 1 do i sq total @ + total ! loop total @ ; "
    ": sq dup * ; 100 sumsq . cr",
    ": sq dup * ; variable total : sumsq 0 total ! 1 + 1 do i sq total @ + total ! loop total @ ; "
    "300 sumsq . 3000 sumsq . cr",
    ": prime? dup 2 < if drop 0 exit then 2 begin over over dup * < if drop drop -1 exit then "
    "over over mod 0 = if drop drop 0 exit then 1 + 0 until ; "
    "variable count 0 count ! 2000 0 do i prime? if count @ 1 + count ! then loop count @ . cr "
    "30 0 do i prime? if i . then loop cr",
    ": fib 0 1 rot 0 do swap over + loop drop ; 10 fib . 50 fib . 90 fib . 93 fib . cr",
    ": stars 0 do 42 emit loop ; : tri 1 + 1 do i stars cr loop ; 5 tri",
    "1 0 / .",
    "drop",
    "7 -2 /mod . . -7 2 /mod . . cr",
    ": countdown begin dup . 1 - dup 0 = until drop ; 5 countdown cr "
    ": collatz 0 swap begin dup 1 = not while drop ; 3 collatz",
    ": steps 0 swap begin dup 2 mod if 3 * 1 + else 2 / then swap 1 + swap dup 1 = until drop ; "
    "27 steps . 97 steps . 871 steps . cr",
]


def run_program(source):
    try:
        dictionary, main = Compiler().compile_source(source)
    except ForthError as e:
        print("compile error: " + e.msg)
        return
    vm = VM(8)
    try:
        run(vm, dictionary, main)
    except ForthError as e:
        end_line(vm)
        vm.output.append("error: " + e.msg)
    except IndexError:
        end_line(vm)
        vm.output.append("error: bad address")
    if len(vm.line) > 0:
        end_line(vm)
    for line in vm.output:
        print(line.rstrip())
    print("stack: " + " ".join([str(x) for x in vm.stack]))


def entry_point(argv):
    for source in PROGRAMS:
        run_program(source)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

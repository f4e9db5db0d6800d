# A compiler from arithmetic expressions with variables to bytecode, and a VM.

LOAD_CONST = 0
LOAD_VAR = 1
STORE_VAR = 2
ADD = 3
SUB = 4
MUL = 5
DIV = 6
MOD = 7
NEG = 8
PRINT = 9
JUMP_IF_ZERO = 10
JUMP = 11
HALT = 12

NAMES = ["LOAD_CONST", "LOAD_VAR", "STORE_VAR", "ADD", "SUB", "MUL", "DIV", "MOD", "NEG",
         "PRINT", "JUMP_IF_ZERO", "JUMP", "HALT"]


class CompileError(Exception):
    def __init__(self, msg, pos):
        self.msg = msg
        self.pos = pos


def tokenize(src):
    toks = []
    i = 0
    while i < len(src):
        c = src[i]
        if c.isspace():
            i += 1
        elif c.isdigit():
            j = i
            while j < len(src) and src[j].isdigit():
                j += 1
            toks.append(src[i:j])
            i = j
        elif c.isalpha() or c == "_":
            j = i
            while j < len(src) and (src[j].isalnum() or src[j] == "_"):
                j += 1
            toks.append(src[i:j])
            i = j
        elif c in "+-*/%()=;":
            toks.append(c)
            i += 1
        else:
            raise CompileError("bad char %r" % c, i)
    return toks


class Compiler(object):
    def __init__(self, toks):
        self.toks = toks
        self.i = 0
        self.code = []
        self.consts = []
        self.names = []

    def emit(self, op, arg=0):
        self.code.append((op, arg))
        return len(self.code) - 1

    def peek(self):
        return self.toks[self.i] if self.i < len(self.toks) else ""

    def advance(self):
        t = self.peek()
        self.i += 1
        return t

    def name_index(self, n):
        if n in self.names:
            return self.names.index(n)
        self.names.append(n)
        return len(self.names) - 1

    def program(self):
        while self.peek() != "":
            self.statement()
        self.emit(HALT)
        return self

    def statement(self):
        t = self.peek()
        if t == "print":
            self.advance()
            self.expr()
            self.emit(PRINT)
        elif t == "while":
            self.advance()
            top = len(self.code)
            self.expr()
            j = self.emit(JUMP_IF_ZERO, -1)
            self.advance()  # '('
            while self.peek() != ")":
                self.statement()
            self.advance()
            self.emit(JUMP, top)
            self.code[j] = (JUMP_IF_ZERO, len(self.code))
            return
        else:
            name = self.advance()
            if self.advance() != "=":
                raise CompileError("expected = after " + name, self.i)
            self.expr()
            self.emit(STORE_VAR, self.name_index(name))
        if self.advance() != ";":
            raise CompileError("expected ;", self.i)

    def expr(self):
        self.term()
        while self.peek() in ("+", "-"):
            op = self.advance()
            self.term()
            self.emit(ADD if op == "+" else SUB)

    def term(self):
        self.unary()
        while self.peek() in ("*", "/", "%"):
            op = self.advance()
            self.unary()
            self.emit({"*": MUL, "/": DIV, "%": MOD}[op])

    def unary(self):
        if self.peek() == "-":
            self.advance()
            self.unary()
            self.emit(NEG)
            return
        t = self.advance()
        if t == "(":
            self.expr()
            self.advance()
        elif t.isdigit():
            self.consts.append(int(t))
            self.emit(LOAD_CONST, len(self.consts) - 1)
        elif t != "" and (t[0].isalpha() or t[0] == "_"):
            self.emit(LOAD_VAR, self.name_index(t))
        else:
            raise CompileError("unexpected %r" % t, self.i)


def run(c, out):
    stack = []
    env = [0] * len(c.names)
    pc = 0
    steps = 0
    while True:
        op, arg = c.code[pc]
        pc += 1
        steps += 1
        if op == LOAD_CONST:
            stack.append(c.consts[arg])
        elif op == LOAD_VAR:
            stack.append(env[arg])
        elif op == STORE_VAR:
            env[arg] = stack.pop()
        elif op == PRINT:
            out.append(str(stack.pop()))
        elif op == NEG:
            stack[-1] = -stack[-1]
        elif op == JUMP:
            pc = arg
        elif op == JUMP_IF_ZERO:
            if stack.pop() == 0:
                pc = arg
        elif op == HALT:
            break
        else:
            b = stack.pop()
            a = stack.pop()
            if op == ADD:
                stack.append(a + b)
            elif op == SUB:
                stack.append(a - b)
            elif op == MUL:
                stack.append(a * b)
            elif op == DIV:
                stack.append(a // b)
            else:
                stack.append(a % b)
    return steps


def disassemble(c):
    for i, (op, arg) in enumerate(c.code):
        extra = ""
        if op == LOAD_CONST:
            extra = "(%d)" % c.consts[arg]
        elif op == LOAD_VAR or op == STORE_VAR:
            extra = "(%s)" % c.names[arg]
        print("%3d %-13s %d %s" % (i, NAMES[op], arg, extra))


PROGRAMS = [
    "x = 6 * 7; print x; print -x % 5; print x / -4;",
    "n = 10; a = 0; b = 1; while n ( t = a + b; a = b; b = t; n = n - 1; ) print a;",
    "i = 5; f = 1; while i ( f = f * i; i = i - 1; ) print f; print f * f * f * f * f * f;",
    "print 1 / 0;",
    "y = 3 + ; print y;",
    "z = 4 $ 2;",
]


def entry_point(argv):
    for src in PROGRAMS:
        print("==", src)
        try:
            c = Compiler(tokenize(src)).program()
        except CompileError as e:
            print("compile error:", e.msg, "at", e.pos)
            continue
        if len(c.code) < 12:
            disassemble(c)
        out = []
        try:
            steps = run(c, out)
            print(" ".join(out), "| steps", steps)
        except ZeroDivisionError:
            print("runtime error: division by zero after", len(out), "outputs")
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(entry_point(sys.argv))

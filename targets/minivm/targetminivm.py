"""minivm: a small object-oriented bytecode VM, written the way RPython
interpreters are (a JitDriver on the dispatch loop, promote, elidable
lookups, immutable code objects).

Usage: targetminivm-c PROGRAM.mini [ARG ...]

Runs unchanged on CPython (PYTHONPATH=. python3 targets/minivm/targetminivm.py x.mini)
and translated (rpython -O2 targets/minivm/targetminivm.py && targets/minivm/targetminivm-c x.mini).

The guest language is written in s-expressions:

    (def fib (n) (if (< n 2) n (+ (fib (- n 1)) (fib (- n 2)))))
    (class Point Object (x y)
      (method init (x y) (put self x x) (put self y y))
      (method norm1 () (+ (get self x) (get self y))))
    (print (fib (arg 0 20)))

Top-level forms are function definitions (def), class definitions
(class NAME SUPER (FIELD ...) (method NAME (PARAM ...) BODY ...) ...) and
expressions, which run in order as the main program. Expressions:
literals (integers, "strings", nil), local variables (set NAME EXPR),
(if C T [E]), (while C BODY ...), (begin ...), (and A B), (or A B),
arithmetic + - * / % (integers overflow-checked: an overflow raises the
guest exception "integer overflow"; + also concatenates strings),
comparisons < <= > >= = !=, (not X), function calls (NAME ARG ...),
(new CLASS ARG ...) (sends init when the class has one),
(send OBJ NAME ARG ...), (get OBJ FIELD), (put OBJ FIELD VALUE),
(isa OBJ CLASS), (try BODY (catch NAME HANDLER ...)), (raise VALUE),
(return VALUE), arrays (array N INIT) (aget A I) (aset A I V) (len X),
strings (str X) (at S I) (ord S) (chr N), (print X), and
(arg I DEFAULT): the I-th extra command-line argument as an integer
(DEFAULT when it is absent), a constant of the compiled program.

The compiler turns every function and method into a Code object: a flat
list of (opcode, argument) int pairs, constants and names. The interpreter
runs one Frame (locals and an operand stack) per call and recurses in
Python for calls and sends. Guest exceptions are the RPython exception
GuestError carrying a guest value; a frame's handler stack (pushed by
SETUP_TRY) turns one into a jump to the handler.
"""

import os

from rpython.rlib.jit import JitDriver, promote, elidable, dont_look_inside, unroll_safe
from rpython.rlib.rarithmetic import ovfcheck

FLUSH_AT = 65536


# ---------------------------------------------------------------------------
# Guest values

class W_Object(object):
    """A guest value."""

    def to_str(self):
        return "<object>"

    def is_true(self):
        return True


class W_Nil(W_Object):
    def to_str(self):
        return "nil"

    def is_true(self):
        return False


class W_Int(W_Object):
    _immutable_fields_ = ['intval']

    def __init__(self, intval):
        self.intval = intval

    def to_str(self):
        return str(self.intval)

    def is_true(self):
        return self.intval != 0


class W_Str(W_Object):
    _immutable_fields_ = ['strval']

    def __init__(self, strval):
        self.strval = strval

    def to_str(self):
        return self.strval

    def is_true(self):
        return len(self.strval) != 0


class W_Array(W_Object):
    def __init__(self, items_w):
        self.items_w = items_w

    def to_str(self):
        parts = []
        for w_item in self.items_w:
            parts.append(w_item.to_str())
        return "[" + ", ".join(parts) + "]"


class W_Function(W_Object):
    """A function or method. Created before any body is compiled, so that
    calls may refer to functions defined later; `code` is filled in once."""

    def __init__(self, name, nargs):
        self.name = name
        self.nargs = nargs
        self.code = None

    def to_str(self):
        return "<function " + self.name + ">"


class W_Class(W_Object):
    """A class: its superclass, its fields (the superclass's first) and its
    methods. Built completely by the compiler before the program runs and
    never changed afterwards, which is what makes the lookups elidable."""

    _immutable_fields_ = ['name', 'superclass', 'field_names[*]']

    def __init__(self, name, superclass, field_names):
        self.name = name
        self.superclass = superclass
        self.field_names = field_names
        self.methods = {}

    def to_str(self):
        return "<class " + self.name + ">"

    @elidable
    def lookup(self, name):
        cls = self
        while cls is not None:
            w_method = cls.methods.get(name, None)
            if w_method is not None:
                return w_method
            cls = cls.superclass
        return None

    @elidable
    def field_index(self, name):
        i = 0
        for field in self.field_names:
            if field == name:
                return i
            i += 1
        return -1

    @elidable
    def is_subclass(self, other):
        cls = self
        while cls is not None:
            if cls is other:
                return True
            cls = cls.superclass
        return False


class W_Instance(W_Object):
    _immutable_fields_ = ['cls']

    def __init__(self, cls):
        self.cls = cls
        self.fields_w = [w_nil] * len(cls.field_names)

    def to_str(self):
        return "<" + self.cls.name + ">"


def getclass(w_value):
    """The class of an instance; None for ints, strings, arrays...
    (A getclass() method returning None in W_Object and self.cls in
    W_Instance is refused by the toolchain today: tests/pending/jit.)"""
    if isinstance(w_value, W_Instance):
        return w_value.cls
    return None


w_nil = W_Nil()
w_true = W_Int(1)
w_false = W_Int(0)


def wrap_bool(b):
    if b:
        return w_true
    return w_false


class GuestError(Exception):
    """A guest exception in flight; w_value is what the guest raised."""

    def __init__(self, w_value):
        self.w_value = w_value


def guest_error(msg):
    return GuestError(W_Str(msg))


class CompileError(Exception):
    def __init__(self, msg):
        self.msg = msg


# ---------------------------------------------------------------------------
# Bytecode

LOAD_CONST = 0
LOAD_LOCAL = 1
STORE_LOCAL = 2
POP = 3
DUP = 4
ADD = 5
SUB = 6
MUL = 7
DIV = 8
MOD = 9
LT = 10
LE = 11
GT = 12
GE = 13
EQ = 14
NE = 15
NOT = 16
JUMP = 17
JUMP_IF_FALSE = 18
JUMP_BACK = 19
CALL = 20
SEND = 21
NEW = 22
GETFIELD = 23
SETFIELD = 24
ISA = 25
PRINT = 26
RETURN = 27
RAISE = 28
SETUP_TRY = 29
POP_TRY = 30
ARRAY_NEW = 31
ARRAY_GET = 32
ARRAY_SET = 33
LEN = 34
STR = 35
CHAR_AT = 36
ORD = 37
CHR = 38
JUMP_IF_TRUE_KEEP = 39
JUMP_IF_FALSE_KEEP = 40

OPNAMES = ["LOAD_CONST", "LOAD_LOCAL", "STORE_LOCAL", "POP", "DUP", "ADD", "SUB",
           "MUL", "DIV", "MOD", "LT", "LE", "GT", "GE", "EQ", "NE", "NOT", "JUMP",
           "JUMP_IF_FALSE", "JUMP_BACK", "CALL", "SEND", "NEW", "GETFIELD",
           "SETFIELD", "ISA", "PRINT", "RETURN", "RAISE", "SETUP_TRY", "POP_TRY",
           "ARRAY_NEW", "ARRAY_GET", "ARRAY_SET", "LEN", "STR", "CHAR_AT", "ORD",
           "CHR", "JUMP_IF_TRUE_KEEP", "JUMP_IF_FALSE_KEEP"]

BINOPS = {"+": ADD, "-": SUB, "*": MUL, "/": DIV, "%": MOD, "<": LT, "<=": LE,
          ">": GT, ">=": GE, "=": EQ, "!=": NE}


class Code(object):
    """One compiled function, method or main program. Immutable once built."""

    _immutable_fields_ = ['name', 'bytecode[*]', 'consts[*]', 'names[*]', 'nargs',
                          'nlocals', 'stacksize']

    def __init__(self, name, bytecode, consts, names, nargs, nlocals, stacksize):
        self.name = name
        self.bytecode = bytecode
        self.consts = consts
        self.names = names
        self.nargs = nargs
        self.nlocals = nlocals
        self.stacksize = stacksize


def get_printable_location(pc, code):
    op = code.bytecode[pc]
    return "%s:%d %s %d" % (code.name, pc, OPNAMES[op], code.bytecode[pc + 1])


jitdriver = JitDriver(greens=['pc', 'code'], reds=['frame'],
                      get_printable_location=get_printable_location)


# ---------------------------------------------------------------------------
# Reader: s-expressions

NODE_LIST = 0
NODE_SYM = 1
NODE_INT = 2
NODE_STR = 3


class Node(object):
    def __init__(self, kind, text, intval, children, line):
        self.kind = kind
        self.text = text
        self.intval = intval
        self.children = children
        self.line = line


def is_sym_char(c):
    return not (c.isspace() or c == "(" or c == ")" or c == '"' or c == ";")


class Reader(object):
    def __init__(self, source):
        self.source = source
        self.pos = 0
        self.line = 1

    def error(self, msg):
        return CompileError("line %d: %s" % (self.line, msg))

    def skip_space(self):
        source = self.source
        while self.pos < len(source):
            c = source[self.pos]
            if c == "\n":
                self.line += 1
                self.pos += 1
            elif c.isspace():
                self.pos += 1
            elif c == ";":
                while self.pos < len(source) and source[self.pos] != "\n":
                    self.pos += 1
            else:
                break

    def read_all(self):
        forms = []
        self.skip_space()
        while self.pos < len(self.source):
            forms.append(self.read())
            self.skip_space()
        return forms

    def read(self):
        self.skip_space()
        source = self.source
        if self.pos >= len(source):
            raise self.error("unexpected end of input")
        c = source[self.pos]
        line = self.line
        if c == "(":
            self.pos += 1
            children = []
            while True:
                self.skip_space()
                if self.pos >= len(source):
                    raise self.error("missing ')'")
                if source[self.pos] == ")":
                    self.pos += 1
                    break
                children.append(self.read())
            return Node(NODE_LIST, "", 0, children, line)
        if c == ")":
            raise self.error("unexpected ')'")
        if c == '"':
            self.pos += 1
            chars = []
            while True:
                if self.pos >= len(source):
                    raise self.error("unterminated string")
                c = source[self.pos]
                self.pos += 1
                if c == '"':
                    break
                if c == "\\" and self.pos < len(source):
                    c = source[self.pos]
                    self.pos += 1
                    if c == "n":
                        c = "\n"
                    elif c == "t":
                        c = "\t"
                elif c == "\n":
                    self.line += 1
                chars.append(c)
            return Node(NODE_STR, "".join(chars), 0, [], line)
        start = self.pos
        while self.pos < len(source) and is_sym_char(source[self.pos]):
            self.pos += 1
        text = source[start:self.pos]
        digits = text
        if len(text) > 1 and text[0] == "-":
            digits = text[1:]
        if digits.isdigit():
            try:
                value = int(text)
            except ValueError:
                raise self.error("bad integer " + text)
            return Node(NODE_INT, text, value, [], line)
        return Node(NODE_SYM, text, 0, [], line)


# ---------------------------------------------------------------------------
# Compiler

class Program(object):
    def __init__(self, args):
        self.args = args
        self.functions = {}
        self.classes = {}


class CodeBuilder(object):
    def __init__(self, program, name, params):
        self.program = program
        self.name = name
        self.bytecode = []
        self.consts = []
        self.names = []
        self.locals = {}
        self.depth = 0
        self.maxdepth = 0
        self.nargs = len(params)
        for p in params:
            if p in self.locals:
                raise CompileError("%s: parameter %s given twice" % (name, p))
            self.local_index(p)

    def local_index(self, name):
        index = self.locals.get(name, -1)
        if index < 0:
            index = len(self.locals)
            self.locals[name] = index
        return index

    def const_index(self, w_value):
        i = 0
        for w_const in self.consts:
            if w_const is w_value:
                return i
            i += 1
        self.consts.append(w_value)
        return len(self.consts) - 1

    def name_index(self, name):
        i = 0
        for n in self.names:
            if n == name:
                return i
            i += 1
        self.names.append(name)
        return len(self.names) - 1

    def emit(self, op, arg, effect):
        self.bytecode.append(op)
        self.bytecode.append(arg)
        self.depth += effect
        if self.depth > self.maxdepth:
            self.maxdepth = self.depth

    def here(self):
        return len(self.bytecode)

    def patch(self, at, target):
        self.bytecode[at + 1] = target

    def finish(self):
        return Code(self.name, self.bytecode[:], self.consts[:], self.names[:],
                    self.nargs, len(self.locals), self.maxdepth + 1)

    # -- expressions --------------------------------------------------------

    def load_const(self, w_value):
        self.emit(LOAD_CONST, self.const_index(w_value), 1)

    def compile_body(self, nodes, start):
        """Compile nodes[start:] in order; the last value stays on the stack."""
        if start >= len(nodes):
            self.load_const(w_nil)
            return
        i = start
        while i < len(nodes):
            if i > start:
                self.emit(POP, 0, -1)
            self.compile_expr(nodes[i])
            i += 1

    def compile_expr(self, node):
        if node.kind == NODE_INT:
            self.load_const(W_Int(node.intval))
        elif node.kind == NODE_STR:
            self.load_const(W_Str(node.text))
        elif node.kind == NODE_SYM:
            if node.text == "nil":
                self.load_const(w_nil)
            elif node.text in self.locals:
                self.emit(LOAD_LOCAL, self.locals[node.text], 1)
            else:
                raise CompileError("line %d: unknown variable %s" % (node.line, node.text))
        else:
            self.compile_form(node)

    def expect(self, node, n):
        if len(node.children) != n:
            raise CompileError("line %d: %s takes %d arguments, got %d"
                               % (node.line, node.children[0].text, n - 1,
                                  len(node.children) - 1))

    def symbol(self, node):
        if node.kind != NODE_SYM:
            raise CompileError("line %d: expected a name" % node.line)
        return node.text

    def compile_form(self, node):
        items = node.children
        if len(items) == 0:
            raise CompileError("line %d: empty form" % node.line)
        if items[0].kind != NODE_SYM:
            raise CompileError("line %d: a form starts with a name" % node.line)
        head = items[0].text
        if head in BINOPS:
            if len(items) < 3:
                raise CompileError("line %d: %s needs two operands" % (node.line, head))
            op = BINOPS[head]
            self.compile_expr(items[1])
            i = 2
            while i < len(items):
                self.compile_expr(items[i])
                self.emit(op, 0, -1)
                i += 1
        elif head == "set":
            self.expect(node, 3)
            name = self.symbol(items[1])
            self.compile_expr(items[2])
            index = self.local_index(name)
            self.emit(DUP, 0, 1)
            self.emit(STORE_LOCAL, index, -1)
        elif head == "if":
            if len(items) != 3 and len(items) != 4:
                raise CompileError("line %d: if takes 2 or 3 arguments" % node.line)
            self.compile_expr(items[1])
            jump_else = self.here()
            self.emit(JUMP_IF_FALSE, 0, -1)
            self.compile_expr(items[2])
            jump_end = self.here()
            self.emit(JUMP, 0, -1)
            self.patch(jump_else, self.here())
            if len(items) == 4:
                self.compile_expr(items[3])
            else:
                self.load_const(w_nil)
            self.patch(jump_end, self.here())
        elif head == "while":
            top = self.here()
            self.compile_expr(items[1])
            jump_end = self.here()
            self.emit(JUMP_IF_FALSE, 0, -1)
            i = 2
            while i < len(items):
                self.compile_expr(items[i])
                self.emit(POP, 0, -1)
                i += 1
            self.emit(JUMP_BACK, top, 0)
            self.patch(jump_end, self.here())
            self.load_const(w_nil)
        elif head == "begin":
            self.compile_body(items, 1)
        elif head == "and" or head == "or":
            self.expect(node, 3)
            self.compile_expr(items[1])
            jump = self.here()
            if head == "and":
                self.emit(JUMP_IF_FALSE_KEEP, 0, 0)
            else:
                self.emit(JUMP_IF_TRUE_KEEP, 0, 0)
            self.emit(POP, 0, -1)
            self.compile_expr(items[2])
            self.patch(jump, self.here())
        elif head == "not":
            self.expect(node, 2)
            self.compile_expr(items[1])
            self.emit(NOT, 0, 0)
        elif head == "print":
            self.expect(node, 2)
            self.compile_expr(items[1])
            self.emit(PRINT, 0, 0)
        elif head == "new":
            if len(items) < 2:
                raise CompileError("line %d: new needs a class" % node.line)
            w_class = self.lookup_class(items[1])
            argc = len(items) - 2
            i = 2
            while i < len(items):
                self.compile_expr(items[i])
                i += 1
            self.emit(NEW, (self.const_index(w_class) << 8) | argc, 1 - argc)
        elif head == "send":
            if len(items) < 3:
                raise CompileError("line %d: send needs a receiver and a name" % node.line)
            argc = len(items) - 3
            if argc > 255:
                raise CompileError("line %d: too many arguments" % node.line)
            self.compile_expr(items[1])
            name = self.symbol(items[2])
            i = 3
            while i < len(items):
                self.compile_expr(items[i])
                i += 1
            self.emit(SEND, (self.name_index(name) << 8) | argc, -argc)
        elif head == "get":
            self.expect(node, 3)
            self.compile_expr(items[1])
            self.emit(GETFIELD, self.name_index(self.symbol(items[2])), 0)
        elif head == "put":
            self.expect(node, 4)
            self.compile_expr(items[1])
            self.compile_expr(items[3])
            self.emit(SETFIELD, self.name_index(self.symbol(items[2])), -1)
        elif head == "isa":
            self.expect(node, 3)
            self.compile_expr(items[1])
            w_class = self.lookup_class(items[2])
            self.emit(ISA, self.const_index(w_class), 0)
        elif head == "try":
            self.compile_try(node)
        elif head == "raise":
            self.expect(node, 2)
            self.compile_expr(items[1])
            self.emit(RAISE, 0, 0)
        elif head == "return":
            self.expect(node, 2)
            self.compile_expr(items[1])
            self.emit(RETURN, 0, 0)
        elif head == "array":
            self.expect(node, 3)
            self.compile_expr(items[1])
            self.compile_expr(items[2])
            self.emit(ARRAY_NEW, 0, -1)
        elif head == "aget":
            self.expect(node, 3)
            self.compile_expr(items[1])
            self.compile_expr(items[2])
            self.emit(ARRAY_GET, 0, -1)
        elif head == "aset":
            self.expect(node, 4)
            self.compile_expr(items[1])
            self.compile_expr(items[2])
            self.compile_expr(items[3])
            self.emit(ARRAY_SET, 0, -2)
        elif head == "len" or head == "str" or head == "ord" or head == "chr":
            self.expect(node, 2)
            self.compile_expr(items[1])
            if head == "len":
                self.emit(LEN, 0, 0)
            elif head == "str":
                self.emit(STR, 0, 0)
            elif head == "ord":
                self.emit(ORD, 0, 0)
            else:
                self.emit(CHR, 0, 0)
        elif head == "at":
            self.expect(node, 3)
            self.compile_expr(items[1])
            self.compile_expr(items[2])
            self.emit(CHAR_AT, 0, -1)
        elif head == "arg":
            self.expect(node, 3)
            if items[1].kind != NODE_INT or items[2].kind != NODE_INT:
                raise CompileError("line %d: arg takes two integers" % node.line)
            index = items[1].intval
            value = items[2].intval
            if 0 <= index < len(self.program.args):
                try:
                    value = int(self.program.args[index])
                except ValueError:
                    raise CompileError("argument %d is not an integer" % index)
            self.load_const(W_Int(value))
        else:
            w_func = self.program.functions.get(head, None)
            if w_func is None:
                raise CompileError("line %d: unknown function %s" % (node.line, head))
            argc = len(items) - 1
            if argc != w_func.nargs:
                raise CompileError("line %d: %s takes %d arguments, got %d"
                                   % (node.line, head, w_func.nargs, argc))
            i = 1
            while i < len(items):
                self.compile_expr(items[i])
                i += 1
            self.emit(CALL, self.const_index(w_func), 1 - argc)

    def lookup_class(self, node):
        name = self.symbol(node)
        w_class = self.program.classes.get(name, None)
        if w_class is None:
            raise CompileError("line %d: unknown class %s" % (node.line, name))
        return w_class

    def compile_try(self, node):
        # (try BODY (catch NAME HANDLER ...))
        items = node.children
        if len(items) != 3:
            raise CompileError("line %d: try takes a body and a catch clause" % node.line)
        clause = items[2]
        if (clause.kind != NODE_LIST or len(clause.children) < 2
                or clause.children[0].kind != NODE_SYM or clause.children[0].text != "catch"):
            raise CompileError("line %d: expected (catch NAME HANDLER ...)" % clause.line)
        name = self.symbol(clause.children[1])
        setup = self.here()
        self.emit(SETUP_TRY, 0, 0)
        self.compile_expr(items[1])
        self.emit(POP_TRY, 0, 0)
        jump_end = self.here()
        self.emit(JUMP, 0, -1)
        # The handler starts with the stack as it was at SETUP_TRY plus the
        # exception value.
        self.patch(setup, self.here())
        self.depth += 1
        if self.depth > self.maxdepth:
            self.maxdepth = self.depth
        self.emit(STORE_LOCAL, self.local_index(name), -1)
        self.compile_body(clause.children, 2)
        self.patch(jump_end, self.here())


def compile_function(program, w_func, params, body, start):
    builder = CodeBuilder(program, w_func.name, params)
    builder.compile_body(body, start)
    builder.emit(RETURN, 0, -1)
    w_func.code = builder.finish()


def params_of(node):
    if node.kind != NODE_LIST:
        raise CompileError("line %d: expected a parameter list" % node.line)
    params = []
    for p in node.children:
        if p.kind != NODE_SYM:
            raise CompileError("line %d: a parameter is a name" % p.line)
        params.append(p.text)
    return params


def is_form(node, name):
    return (node.kind == NODE_LIST and len(node.children) > 0
            and node.children[0].kind == NODE_SYM and node.children[0].text == name)


def compile_program(source, args):
    """Compile a whole program; return the Code of its main part."""
    forms = Reader(source).read_all()
    program = Program(args)
    # Pass 1: every function and class exists before any body is compiled.
    for form in forms:
        if is_form(form, "def"):
            if len(form.children) < 3:
                raise CompileError("line %d: (def NAME (PARAM ...) BODY ...)" % form.line)
            name = form.children[1].text
            params = params_of(form.children[2])
            if name in program.functions:
                raise CompileError("line %d: function %s defined twice" % (form.line, name))
            program.functions[name] = W_Function(name, len(params))
        elif is_form(form, "class"):
            define_class(program, form)
    # Pass 2: bodies.
    main = CodeBuilder(program, "main", [])
    first = True
    for form in forms:
        if is_form(form, "def"):
            w_func = program.functions[form.children[1].text]
            compile_function(program, w_func, params_of(form.children[2]), form.children, 3)
        elif is_form(form, "class"):
            w_class = program.classes[form.children[1].text]
            i = 4
            while i < len(form.children):
                method = form.children[i]
                w_method = w_class.methods[method.children[1].text]
                params = ["self"] + params_of(method.children[2])
                compile_function(program, w_method, params, method.children, 3)
                i += 1
        else:
            if not first:
                main.emit(POP, 0, -1)
            main.compile_expr(form)
            first = False
    if first:
        main.load_const(w_nil)
    main.emit(RETURN, 0, -1)
    return main.finish()


def define_class(program, form):
    items = form.children
    if len(items) < 4 or items[1].kind != NODE_SYM or items[2].kind != NODE_SYM:
        raise CompileError("line %d: (class NAME SUPER (FIELD ...) METHOD ...)" % form.line)
    name = items[1].text
    if name in program.classes:
        raise CompileError("line %d: class %s defined twice" % (form.line, name))
    superclass = None
    fields = []
    if items[2].text != "Object":
        superclass = program.classes.get(items[2].text, None)
        if superclass is None:
            raise CompileError("line %d: unknown superclass %s" % (form.line, items[2].text))
        for f in superclass.field_names:
            fields.append(f)
    for f in params_of(items[3]):
        if f in fields:
            raise CompileError("line %d: field %s defined twice" % (form.line, f))
        fields.append(f)
    w_class = W_Class(name, superclass, fields)
    i = 4
    while i < len(items):
        method = items[i]
        if not is_form(method, "method") or len(method.children) < 3:
            raise CompileError("line %d: (method NAME (PARAM ...) BODY ...)" % method.line)
        mname = method.children[1].text
        nparams = len(params_of(method.children[2]))
        w_class.methods[mname] = W_Function(name + "." + mname, nparams + 1)
        i += 1
    program.classes[name] = w_class


# ---------------------------------------------------------------------------
# Interpreter

class Output(object):
    """Buffered stdout."""

    def __init__(self):
        self.pieces = []
        self.size = 0

    def write(self, s):
        self.pieces.append(s)
        self.size += len(s)
        if self.size >= FLUSH_AT:
            self.flush()

    def flush(self):
        if self.size > 0:
            os.write(1, "".join(self.pieces).encode("utf-8"))
            self.pieces = []
            self.size = 0


output = Output()


@dont_look_inside
def print_value(w_value):
    output.write(w_value.to_str() + "\n")


class Frame(object):
    def __init__(self, code):
        self.code = code
        self.locals_w = [w_nil] * code.nlocals
        self.stack_w = [w_nil] * code.stacksize
        self.sp = 0
        self.handlers = []

    def push(self, w_value):
        self.stack_w[self.sp] = w_value
        self.sp += 1

    def pop(self):
        self.sp -= 1
        w_value = self.stack_w[self.sp]
        self.stack_w[self.sp] = w_nil
        return w_value

    def top(self):
        return self.stack_w[self.sp - 1]

    def unwind(self, e):
        """A guest exception reached this frame: jump to the innermost
        handler (returning its pc) or let it propagate to the caller."""
        if len(self.handlers) == 0:
            raise e
        sp = self.handlers.pop()
        pc = self.handlers.pop()
        while self.sp > sp:
            self.pop()
        self.push(e.w_value)
        return pc


def int_of(w_value, what):
    if isinstance(w_value, W_Int):
        return w_value.intval
    raise guest_error(what + " expects an integer, got " + w_value.to_str())


def arith(op, w_a, w_b):
    if op == ADD and isinstance(w_a, W_Str):
        if isinstance(w_b, W_Str):
            return W_Str(w_a.strval + w_b.strval)
        raise guest_error("cannot add " + w_b.to_str() + " to a string")
    a = int_of(w_a, OPNAMES[op])
    b = int_of(w_b, OPNAMES[op])
    try:
        if op == ADD:
            return W_Int(ovfcheck(a + b))
        elif op == SUB:
            return W_Int(ovfcheck(a - b))
        elif op == MUL:
            return W_Int(ovfcheck(a * b))
        elif op == DIV or op == MOD:
            if b == 0:
                raise guest_error("division by zero")
            if op == DIV:
                if b == -1:
                    return W_Int(ovfcheck(0 - a))
                return W_Int(a // b)
            if b == -1:
                return W_Int(0)
            return W_Int(a % b)
    except OverflowError:
        raise guest_error("integer overflow")
    raise guest_error("bad arithmetic op")


def values_equal(w_a, w_b):
    if isinstance(w_a, W_Int) and isinstance(w_b, W_Int):
        return w_a.intval == w_b.intval
    if isinstance(w_a, W_Str) and isinstance(w_b, W_Str):
        return w_a.strval == w_b.strval
    return w_a is w_b


def compare(op, w_a, w_b):
    if op == EQ:
        return values_equal(w_a, w_b)
    if op == NE:
        return not values_equal(w_a, w_b)
    if isinstance(w_a, W_Str) and isinstance(w_b, W_Str):
        a = w_a.strval
        b = w_b.strval
        if op == LT:
            return a < b
        elif op == LE:
            return a <= b
        elif op == GT:
            return a > b
        return a >= b
    x = int_of(w_a, OPNAMES[op])
    y = int_of(w_b, OPNAMES[op])
    if op == LT:
        return x < y
    elif op == LE:
        return x <= y
    elif op == GT:
        return x > y
    return x >= y


@unroll_safe
def call_code(code, frame, nargs):
    """Pop nargs values (the receiver first, for a send) into a new frame
    and run it."""
    new_frame = Frame(code)
    i = nargs - 1
    while i >= 0:
        new_frame.locals_w[i] = frame.pop()
        i -= 1
    return execute(new_frame)


def send(frame, name, argc):
    w_recv = frame.stack_w[frame.sp - argc - 1]
    cls = getclass(w_recv)
    if cls is None:
        raise guest_error("cannot send " + name + " to " + w_recv.to_str())
    cls = promote(cls)
    w_method = cls.lookup(name)
    if w_method is None:
        raise guest_error(cls.name + " does not understand " + name)
    code = promote(w_method.code)
    if code.nargs != argc + 1:
        raise guest_error("%s takes %d arguments, got %d" % (w_method.name, code.nargs - 1, argc))
    return call_code(code, frame, argc + 1)


def instantiate(frame, w_class, argc):
    w_class = promote(w_class)
    w_obj = W_Instance(w_class)
    w_init = w_class.lookup("init")
    if w_init is None:
        if argc != 0:
            raise guest_error(w_class.name + " has no init taking arguments")
        return w_obj
    code = promote(w_init.code)
    if code.nargs != argc + 1:
        raise guest_error("%s takes %d arguments, got %d" % (w_init.name, code.nargs - 1, argc))
    # Put the receiver under the arguments, as a send does.
    frame.push(w_nil)
    i = 0
    while i < argc:
        frame.stack_w[frame.sp - 1 - i] = frame.stack_w[frame.sp - 2 - i]
        i += 1
    frame.stack_w[frame.sp - 1 - argc] = w_obj
    call_code(code, frame, argc + 1)
    return w_obj


def instance_of(w_value, what):
    if isinstance(w_value, W_Instance):
        return w_value
    raise guest_error(what + " of a non-object " + w_value.to_str())


def array_of(w_value):
    if isinstance(w_value, W_Array):
        return w_value
    raise guest_error("not an array: " + w_value.to_str())


def index_into(w_array, w_index):
    i = int_of(w_index, "index")
    if i < 0 or i >= len(w_array.items_w):
        raise guest_error("index %d out of range" % i)
    return i


def str_of(w_value, what):
    if isinstance(w_value, W_Str):
        return w_value.strval
    raise guest_error(what + " expects a string, got " + w_value.to_str())


def execute(frame):
    code = frame.code
    pc = 0
    while True:
        jitdriver.jit_merge_point(pc=pc, code=code, frame=frame)
        op = code.bytecode[pc]
        arg = code.bytecode[pc + 1]
        pc += 2
        if op == JUMP_BACK:
            pc = arg
            jitdriver.can_enter_jit(pc=pc, code=code, frame=frame)
            continue
        if op == RETURN:
            return frame.pop()
        try:
            if op == LOAD_CONST:
                frame.push(code.consts[arg])
            elif op == LOAD_LOCAL:
                frame.push(frame.locals_w[arg])
            elif op == STORE_LOCAL:
                frame.locals_w[arg] = frame.pop()
            elif op == POP:
                frame.pop()
            elif op == DUP:
                frame.push(frame.top())
            elif op == ADD or op == SUB or op == MUL or op == DIV or op == MOD:
                w_b = frame.pop()
                w_a = frame.pop()
                frame.push(arith(op, w_a, w_b))
            elif op == LT or op == LE or op == GT or op == GE or op == EQ or op == NE:
                w_b = frame.pop()
                w_a = frame.pop()
                frame.push(wrap_bool(compare(op, w_a, w_b)))
            elif op == NOT:
                frame.push(wrap_bool(not frame.pop().is_true()))
            elif op == JUMP:
                pc = arg
            elif op == JUMP_IF_FALSE:
                if not frame.pop().is_true():
                    pc = arg
            elif op == JUMP_IF_FALSE_KEEP:
                if not frame.top().is_true():
                    pc = arg
            elif op == JUMP_IF_TRUE_KEEP:
                if frame.top().is_true():
                    pc = arg
            elif op == CALL:
                w_func = code.consts[arg]
                assert isinstance(w_func, W_Function)
                callee = promote(w_func.code)
                frame.push(call_code(callee, frame, callee.nargs))
            elif op == SEND:
                frame.push(send(frame, code.names[arg >> 8], arg & 0xff))
            elif op == NEW:
                w_class = code.consts[arg >> 8]
                assert isinstance(w_class, W_Class)
                argc = arg & 0xff
                w_obj = instantiate(frame, w_class, argc)
                frame.push(w_obj)
            elif op == GETFIELD:
                w_obj = instance_of(frame.pop(), "get")
                name = code.names[arg]
                index = promote(w_obj.cls).field_index(name)
                if index < 0:
                    raise guest_error(w_obj.cls.name + " has no field " + name)
                frame.push(w_obj.fields_w[index])
            elif op == SETFIELD:
                w_value = frame.pop()
                w_obj = instance_of(frame.pop(), "put")
                name = code.names[arg]
                index = promote(w_obj.cls).field_index(name)
                if index < 0:
                    raise guest_error(w_obj.cls.name + " has no field " + name)
                w_obj.fields_w[index] = w_value
                frame.push(w_value)
            elif op == ISA:
                w_class = code.consts[arg]
                assert isinstance(w_class, W_Class)
                cls = getclass(frame.pop())
                frame.push(wrap_bool(cls is not None and promote(cls).is_subclass(w_class)))
            elif op == PRINT:
                print_value(frame.top())
            elif op == RAISE:
                raise GuestError(frame.pop())
            elif op == SETUP_TRY:
                frame.handlers.append(arg)
                frame.handlers.append(frame.sp)
            elif op == POP_TRY:
                frame.handlers.pop()
                frame.handlers.pop()
            elif op == ARRAY_NEW:
                w_init = frame.pop()
                n = int_of(frame.pop(), "array")
                if n < 0:
                    raise guest_error("negative array size")
                frame.push(W_Array([w_init] * n))
            elif op == ARRAY_GET:
                w_index = frame.pop()
                w_array = array_of(frame.pop())
                frame.push(w_array.items_w[index_into(w_array, w_index)])
            elif op == ARRAY_SET:
                w_value = frame.pop()
                w_index = frame.pop()
                w_array = array_of(frame.pop())
                w_array.items_w[index_into(w_array, w_index)] = w_value
                frame.push(w_value)
            elif op == LEN:
                w_value = frame.pop()
                if isinstance(w_value, W_Str):
                    frame.push(W_Int(len(w_value.strval)))
                else:
                    frame.push(W_Int(len(array_of(w_value).items_w)))
            elif op == STR:
                frame.push(W_Str(frame.pop().to_str()))
            elif op == CHAR_AT:
                i = int_of(frame.pop(), "at")
                s = str_of(frame.pop(), "at")
                if i < 0 or i >= len(s):
                    raise guest_error("index %d out of range" % i)
                frame.push(W_Str(s[i]))
            elif op == ORD:
                s = str_of(frame.pop(), "ord")
                if len(s) != 1:
                    raise guest_error("ord expects one character")
                frame.push(W_Int(ord(s[0])))
            elif op == CHR:
                n = int_of(frame.pop(), "chr")
                if n < 0 or n > 0x10ffff:
                    raise guest_error("chr out of range")
                frame.push(W_Str(chr(n)))
            else:
                raise guest_error("bad opcode %d" % op)
        except GuestError as e:
            pc = frame.unwind(e)


def run_main(code):
    return execute(Frame(code))


# ---------------------------------------------------------------------------
# Entry point

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
    if len(argv) < 2:
        os.write(2, b"usage: targetminivm PROGRAM.mini [ARG ...]\n")
        return 2
    try:
        source = read_file(argv[1]).decode("utf-8")
    except OSError:
        os.write(2, b"minivm: error: cannot read " + argv[1].encode("utf-8") + b"\n")
        return 1
    try:
        code = compile_program(source, argv[2:])
    except CompileError as e:
        os.write(2, b"minivm: compile error: " + e.msg.encode("utf-8") + b"\n")
        return 2
    try:
        run_main(code)
    except GuestError as e:
        output.flush()
        os.write(2, b"minivm: uncaught exception: " + e.w_value.to_str().encode("utf-8") + b"\n")
        return 1
    output.flush()
    return 0


def target(driver, args):
    return entry_point, None


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

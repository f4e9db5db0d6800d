# A Scheme-ish AST interpreter with closures over an environment chain:
# s-expressions are compiled to AST nodes with lexical addresses (depth,
# index); calls in tail position loop in `interpret` (the JitDriver's green
# is the AST node, the red the environment) so tail recursion needs no host
# stack; closures capture their Env; set! mutates a frame slot or a global cell.
from rpython.rlib.jit import JitDriver, promote, unroll_safe, dont_look_inside
from rpython.rlib.rarithmetic import ovfcheck


class SchemeError(Exception):
    def __init__(self, msg):
        self.msg = msg


# -- values -------------------------------------------------------------------

class W_Value(object):
    def to_str(self):
        return "#<value>"

    def is_true(self):
        return True


class W_Int(W_Value):
    _immutable_fields_ = ["value"]

    def __init__(self, value):
        self.value = value

    def to_str(self):
        return str(self.value)


class W_Bool(W_Value):
    # (Named `boolval`, not `value` as W_Int's: tests/pending/jit, entry 3.)
    _immutable_fields_ = ["boolval"]

    def __init__(self, boolval):
        self.boolval = boolval

    def to_str(self):
        return "#t" if self.boolval else "#f"

    def is_true(self):
        return self.boolval


class W_Nil(W_Value):
    def to_str(self):
        return "()"


class W_Symbol(W_Value):
    _immutable_fields_ = ["name"]

    def __init__(self, name):
        self.name = name

    def to_str(self):
        return self.name


class W_Pair(W_Value):
    def __init__(self, car, cdr):
        self.car = car
        self.cdr = cdr

    def to_str(self):
        parts = []
        w = self
        while isinstance(w, W_Pair):
            parts.append(w.car.to_str())
            w = w.cdr
        text = "(" + " ".join(parts)
        if not isinstance(w, W_Nil):
            text += " . " + w.to_str()
        return text + ")"


class W_Closure(W_Value):
    _immutable_fields_ = ["lam", "env"]

    def __init__(self, lam, env):
        self.lam = lam
        self.env = env

    def to_str(self):
        return "#<procedure " + self.lam.name + ">"


class W_Prim(W_Value):
    _immutable_fields_ = ["name", "code", "arity"]

    def __init__(self, name, code, arity):
        self.name = name
        self.code = code
        self.arity = arity

    def to_str(self):
        return "#<primitive " + self.name + ">"


w_nil = W_Nil()
w_true = W_Bool(True)
w_false = W_Bool(False)


def wrap_bool(b):
    return w_true if b else w_false


class Env(object):
    _immutable_fields_ = ["parent"]

    def __init__(self, parent, values):
        self.parent = parent
        self.values = values


@unroll_safe
def env_at(env, depth):
    while depth > 0:
        env = env.parent
        depth -= 1
    return env


class Cell(object):
    def __init__(self, name):
        self.name = name
        self.value = None


# -- AST ----------------------------------------------------------------------

class Node(object):
    def eval(self, env):
        raise SchemeError("cannot evaluate")


class Const(Node):
    _immutable_fields_ = ["value"]

    def __init__(self, value):
        self.value = value

    def eval(self, env):
        return self.value


class LocalRef(Node):
    _immutable_fields_ = ["depth", "index"]

    def __init__(self, depth, index):
        self.depth = depth
        self.index = index

    def eval(self, env):
        return env_at(env, self.depth).values[self.index]


class GlobalRef(Node):
    _immutable_fields_ = ["cell"]

    def __init__(self, cell):
        self.cell = cell

    def eval(self, env):
        w = self.cell.value
        if w is None:
            raise SchemeError("unbound variable " + self.cell.name)
        return w


class SetLocal(Node):
    _immutable_fields_ = ["depth", "index", "value"]

    def __init__(self, depth, index, value):
        self.depth = depth
        self.index = index
        self.value = value

    def eval(self, env):
        env_at(env, self.depth).values[self.index] = interpret(self.value, env)
        return w_nil


class SetGlobal(Node):
    _immutable_fields_ = ["cell", "value"]

    def __init__(self, cell, value):
        self.cell = cell
        self.value = value

    def eval(self, env):
        self.cell.value = interpret(self.value, env)
        return w_nil


class If(Node):
    _immutable_fields_ = ["cond", "then", "orelse"]

    def __init__(self, cond, then, orelse):
        self.cond = cond
        self.then = then
        self.orelse = orelse


class Seq(Node):
    # (Named `items`, not `body` as Lambda's: tests/pending/jit, entry 3.)
    _immutable_fields_ = ["items[*]", "last"]

    def __init__(self, items, last):
        self.items = items
        self.last = last


class Lambda(Node):
    _immutable_fields_ = ["name", "nparams", "nlocals", "body"]

    def __init__(self, name, nparams, body):
        self.name = name
        self.nparams = nparams
        self.body = body

    def eval(self, env):
        return W_Closure(self, env)


class Call(Node):
    _immutable_fields_ = ["fn", "args[*]"]

    def __init__(self, fn, args):
        self.fn = fn
        self.args = args


class AndOr(Node):
    _immutable_fields_ = ["is_and", "left", "right"]

    def __init__(self, is_and, left, right):
        self.is_and = is_and
        self.left = left
        self.right = right


def get_location(node):
    if isinstance(node, Lambda):
        return "lambda " + node.name
    if isinstance(node, Call):
        return "call"
    if isinstance(node, If):
        return "if"
    return "node"


driver = JitDriver(greens=["node"], reds=["env"], get_printable_location=get_location)


@unroll_safe
def eval_args(args, env):
    values = [w_nil] * len(args)
    i = 0
    for arg in args:
        values[i] = interpret(arg, env)
        i += 1
    return values


def interpret(node, env):
    while True:
        driver.jit_merge_point(node=node, env=env)
        if isinstance(node, If):
            if interpret(node.cond, env).is_true():
                node = node.then
            else:
                node = node.orelse
        elif isinstance(node, Seq):
            for sub in node.items:
                interpret(sub, env)
            node = node.last
        elif isinstance(node, AndOr):
            w_left = interpret(node.left, env)
            if w_left.is_true() != node.is_and:
                return w_left
            node = node.right
        elif isinstance(node, Call):
            w_fn = interpret(node.fn, env)
            values = eval_args(node.args, env)
            if isinstance(w_fn, W_Closure):
                lam = promote(w_fn.lam)
                if len(values) != lam.nparams:
                    raise SchemeError("%s: expected %d arguments, got %d"
                                      % (lam.name, lam.nparams, len(values)))
                env = Env(w_fn.env, values)
                node = lam.body
                driver.can_enter_jit(node=node, env=env)
            elif isinstance(w_fn, W_Prim):
                return call_prim(promote(w_fn), values)
            else:
                raise SchemeError("not a procedure: " + w_fn.to_str())
        else:
            return node.eval(env)


# -- primitives -----------------------------------------------------------------

P_ADD = 0
P_SUB = 1
P_MUL = 2
P_LT = 3
P_EQ = 4
P_CONS = 5
P_CAR = 6
P_CDR = 7
P_NULLP = 8
P_DISPLAY = 9
P_NEWLINE = 10
P_LIST = 11
P_QUOTIENT = 12
P_REMAINDER = 13
P_GT = 14
P_NOT = 15
P_PAIRP = 16

PRIMS = [("+", P_ADD, -1), ("-", P_SUB, 2), ("*", P_MUL, -1), ("<", P_LT, 2),
         ("=", P_EQ, 2), ("cons", P_CONS, 2), ("car", P_CAR, 1), ("cdr", P_CDR, 1),
         ("null?", P_NULLP, 1), ("display", P_DISPLAY, 1), ("newline", P_NEWLINE, 0),
         ("list", P_LIST, -1), ("quotient", P_QUOTIENT, 2), ("remainder", P_REMAINDER, 2),
         (">", P_GT, 2), ("not", P_NOT, 1), ("pair?", P_PAIRP, 1)]


class Output(object):
    def __init__(self):
        self.line = []


output = Output()


@dont_look_inside
def display(text):
    output.line.append(text)


@dont_look_inside
def newline():
    print("".join(output.line))
    output.line = []


def int_of(w):
    if isinstance(w, W_Int):
        return w.value
    raise SchemeError("not an integer: " + w.to_str())


def pair_of(w):
    if isinstance(w, W_Pair):
        return w
    raise SchemeError("not a pair: " + w.to_str())


def call_prim(prim, args):
    code = prim.code
    if prim.arity >= 0 and len(args) != prim.arity:
        raise SchemeError("%s: expected %d arguments, got %d" % (prim.name, prim.arity, len(args)))
    try:
        if code == P_ADD:
            total = 0
            for w in args:
                total = ovfcheck(total + int_of(w))
            return W_Int(total)
        elif code == P_MUL:
            product = 1
            for w in args:
                product = ovfcheck(product * int_of(w))
            return W_Int(product)
        elif code == P_SUB:
            return W_Int(ovfcheck(int_of(args[0]) - int_of(args[1])))
    except OverflowError:
        raise SchemeError("integer overflow in " + prim.name)
    if code == P_LT:
        return wrap_bool(int_of(args[0]) < int_of(args[1]))
    elif code == P_GT:
        return wrap_bool(int_of(args[0]) > int_of(args[1]))
    elif code == P_EQ:
        return wrap_bool(int_of(args[0]) == int_of(args[1]))
    elif code == P_QUOTIENT or code == P_REMAINDER:
        a = int_of(args[0])
        b = int_of(args[1])
        if b == 0:
            raise SchemeError("division by zero")
        # Scheme truncates towards zero.
        q = abs(a) // abs(b)
        if (a < 0) != (b < 0):
            q = -q
        if code == P_QUOTIENT:
            return W_Int(q)
        return W_Int(a - q * b)
    elif code == P_CONS:
        return W_Pair(args[0], args[1])
    elif code == P_CAR:
        return pair_of(args[0]).car
    elif code == P_CDR:
        return pair_of(args[0]).cdr
    elif code == P_NULLP:
        return wrap_bool(isinstance(args[0], W_Nil))
    elif code == P_PAIRP:
        return wrap_bool(isinstance(args[0], W_Pair))
    elif code == P_NOT:
        return wrap_bool(not args[0].is_true())
    elif code == P_LIST:
        w_list = w_nil
        i = len(args) - 1
        while i >= 0:
            w_list = W_Pair(args[i], w_list)
            i -= 1
        return w_list
    elif code == P_DISPLAY:
        display(args[0].to_str())
        return w_nil
    elif code == P_NEWLINE:
        newline()
        return w_nil
    raise SchemeError("bad primitive")


# -- reader and compiler ------------------------------------------------------------

def tokenize(source):
    tokens = []
    i = 0
    n = len(source)
    while i < n:
        c = source[i]
        if c == "(" or c == ")" or c == "'":
            tokens.append(c)
            i += 1
        elif c == ";":
            while i < n and source[i] != "\n":
                i += 1
        elif c.isspace():
            i += 1
        else:
            start = i
            while i < n and not source[i].isspace() and source[i] != "(" and source[i] != ")":
                i += 1
            tokens.append(source[start:i])
    return tokens


class Reader(object):
    def __init__(self, tokens):
        self.tokens = tokens
        self.pos = 0

    def at_end(self):
        return self.pos >= len(self.tokens)

    def read(self):
        if self.pos >= len(self.tokens):
            raise SchemeError("unexpected end of input")
        tok = self.tokens[self.pos]
        self.pos += 1
        if tok == "(":
            items = []
            while True:
                if self.pos >= len(self.tokens):
                    raise SchemeError("missing )")
                if self.tokens[self.pos] == ")":
                    self.pos += 1
                    break
                items.append(self.read())
            w_list = w_nil
            i = len(items) - 1
            while i >= 0:
                w_list = W_Pair(items[i], w_list)
                i -= 1
            return w_list
        if tok == ")":
            raise SchemeError("unexpected )")
        if tok == "'":
            return W_Pair(W_Symbol("quote"), W_Pair(self.read(), w_nil))
        if tok == "#t":
            return w_true
        if tok == "#f":
            return w_false
        digits = tok[1:] if len(tok) > 1 and tok[0] == "-" else tok
        if digits.isdigit():
            return W_Int(int(tok))
        return W_Symbol(tok)


def list_items(w):
    items = []
    while isinstance(w, W_Pair):
        items.append(w.car)
        w = w.cdr
    if not isinstance(w, W_Nil):
        raise SchemeError("improper list in source")
    return items


def symbol_name(w):
    if isinstance(w, W_Symbol):
        return w.name
    raise SchemeError("expected a symbol, got " + w.to_str())


class Scope(object):
    def __init__(self, names, parent):
        self.names = names
        self.parent = parent


class Compiler(object):
    def __init__(self):
        self.globals = {}

    def cell(self, name):
        c = self.globals.get(name, None)
        if c is None:
            c = Cell(name)
            self.globals[name] = c
        return c

    def resolve(self, name, scope):
        depth = 0
        while scope is not None:
            i = 0
            for n in scope.names:
                if n == name:
                    return depth, i
                i += 1
            scope = scope.parent
            depth += 1
        return -1, -1

    def compile_body(self, items, start, scope):
        if start >= len(items):
            return Const(w_nil)
        if start == len(items) - 1:
            return self.compile(items[start], scope)
        body = []
        for i in range(start, len(items) - 1):
            body.append(self.compile(items[i], scope))
        return Seq(body, self.compile(items[len(items) - 1], scope))

    def compile_lambda(self, name, params_w, items, start, scope):
        names = []
        for w in list_items(params_w):
            names.append(symbol_name(w))
        return Lambda(name, len(names), self.compile_body(items, start, Scope(names, scope)))

    def compile(self, w, scope):
        if isinstance(w, W_Symbol):
            depth, index = self.resolve(w.name, scope)
            if depth >= 0:
                return LocalRef(depth, index)
            return GlobalRef(self.cell(w.name))
        if not isinstance(w, W_Pair):
            return Const(w)
        items = list_items(w)
        head = items[0]
        if isinstance(head, W_Symbol):
            name = head.name
            if name == "quote":
                return Const(items[1])
            if name == "if":
                orelse = Const(w_nil)
                if len(items) > 3:
                    orelse = self.compile(items[3], scope)
                return If(self.compile(items[1], scope), self.compile(items[2], scope), orelse)
            if name == "lambda":
                return self.compile_lambda("anonymous", items[1], items, 2, scope)
            if name == "begin":
                return self.compile_body(items, 1, scope)
            if name == "and" or name == "or":
                return AndOr(name == "and", self.compile(items[1], scope),
                             self.compile(items[2], scope))
            if name == "define":
                target = items[1]
                if isinstance(target, W_Pair):
                    fname = symbol_name(target.car)
                    value = self.compile_lambda(fname, target.cdr, items, 2, scope)
                else:
                    fname = symbol_name(target)
                    value = self.compile(items[2], scope)
                if scope is not None:
                    raise SchemeError("define only at top level")
                return SetGlobal(self.cell(fname), value)
            if name == "set!":
                vname = symbol_name(items[1])
                value = self.compile(items[2], scope)
                depth, index = self.resolve(vname, scope)
                if depth >= 0:
                    return SetLocal(depth, index, value)
                return SetGlobal(self.cell(vname), value)
            if name == "let":
                names_w = []
                inits = []
                for binding in list_items(items[1]):
                    pair = list_items(binding)
                    names_w.append(pair[0])
                    inits.append(self.compile(pair[1], scope))
                w_params = w_nil
                i = len(names_w) - 1
                while i >= 0:
                    w_params = W_Pair(names_w[i], w_params)
                    i -= 1
                lam = self.compile_lambda("let", w_params, items, 2, scope)
                return Call(lam, inits)
        fn = self.compile(head, scope)
        args = []
        for i in range(1, len(items)):
            args.append(self.compile(items[i], scope))
        return Call(fn, args)


PROGRAM = """
(define (fact n) (if (< n 2) 1 (* n (fact (- n 1)))))
(display (fact 20)) (newline)
(define (sum-to i acc) (if (= i 0) acc (sum-to (- i 1) (+ acc i))))
(display (sum-to 5000 0)) (newline)
(define (make-counter)
  (let ((n 0))
    (lambda () (set! n (+ n 1)) n)))
(define c1 (make-counter))
(define c2 (make-counter))
(c1) (c1) (c2)
(display (list (c1) (c2))) (newline)
(define (map f xs) (if (null? xs) '() (cons (f (car xs)) (map f (cdr xs)))))
(define (filter p xs)
  (if (null? xs) '()
      (if (p (car xs)) (cons (car xs) (filter p (cdr xs))) (filter p (cdr xs)))))
(define (range a b) (if (< a b) (cons a (range (+ a 1) b)) '()))
(define (foldl f acc xs) (if (null? xs) acc (foldl f (f acc (car xs)) (cdr xs))))
(define (compose f g) (lambda (x) (f (g x))))
(define (adder k) (lambda (x) (+ x k)))
(display (map (compose (adder 10) (lambda (x) (* x x))) (range 0 10))) (newline)
(display (filter (lambda (x) (= (remainder x 3) 0)) (range 0 30))) (newline)
(display (foldl + 0 (range 0 150))) (newline)
(define (prime? n)
  (define-less-loop n 2))
(define (define-less-loop n d)
  (if (> (* d d) n) #t
      (if (= (remainder n d) 0) #f (define-less-loop n (+ d 1)))))
(define (count-primes i limit acc)
  (if (= i limit) acc
      (count-primes (+ i 1) limit (if (prime? i) (+ acc 1) acc))))
(display (count-primes 2 1000 0)) (newline)
(define (fib n) (if (< n 2) n (+ (fib (- n 1)) (fib (- n 2)))))
(display (fib 15)) (newline)
(define (loop-with-state n)
  (let ((total 0) (i 0))
    (define-helper total i n)))
(define total-box 0)
(define (define-helper total i n)
  (if (= i n) total
      (begin (set! total-box (+ total-box i))
             (define-helper (+ total (remainder (* i i) 7)) (+ i 1) n))))
(display (list (loop-with-state 2000) total-box)) (newline)
(display (list (quotient -17 5) (remainder -17 5) (quotient 17 -5) (remainder 17 5))) (newline)
(display (and (< 1 2) (> 1 2))) (display (or #f 'yes)) (newline)
(display '(1 (2 3) . 4)) (newline)
(display (fact 25))
"""


def install_prims():
    cells = {}
    for name, code, arity in PRIMS:
        cells[name] = W_Prim(name, code, arity)
    return cells


PRIM_VALUES = install_prims()


def entry_point(argv):
    compiler = Compiler()
    for name in PRIM_VALUES:
        compiler.cell(name).value = PRIM_VALUES[name]
    reader = Reader(tokenize(PROGRAM))
    env = Env(None, [])
    while not reader.at_end():
        try:
            node = compiler.compile(reader.read(), None)
            interpret(node, env)
        except SchemeError as e:
            newline()
            print("error: " + e.msg)
    try:
        interpret(compiler.compile(Reader(tokenize("(car 5)")).read(), None), env)
    except SchemeError as e:
        print("error: " + e.msg)
    try:
        interpret(compiler.compile(Reader(tokenize("(undefined-thing 1)")).read(), None), env)
    except SchemeError as e:
        print("error: " + e.msg)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

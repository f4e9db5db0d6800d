# A tiny Scheme: cons cells as instances, interned symbols, linked environment frames.


class SchemeError(Exception):
    def __init__(self, msg):
        self.msg = msg


class W_Root(object):
    def to_str(self):
        return "#<object>"

    def is_true(self):
        return True


class W_Nil(W_Root):
    def to_str(self):
        return "()"


class W_Bool(W_Root):
    def __init__(self, v):
        self.v = v

    def to_str(self):
        return "#t" if self.v else "#f"

    def is_true(self):
        return self.v


class W_Int(W_Root):
    def __init__(self, v):
        self.v = v

    def to_str(self):
        return str(self.v)


class W_Symbol(W_Root):
    def __init__(self, name):
        self.name = name

    def to_str(self):
        return self.name


class W_Pair(W_Root):
    def __init__(self, car, cdr):
        self.car = car
        self.cdr = cdr

    def to_str(self):
        parts = []
        cur = self
        while isinstance(cur, W_Pair):
            parts.append(cur.car.to_str())
            cur = cur.cdr
        if cur is not NIL:
            parts.append(".")
            parts.append(cur.to_str())
        return "(" + " ".join(parts) + ")"


class W_Lambda(W_Root):
    def __init__(self, params, body, env):
        self.params = params
        self.body = body
        self.env = env

    def to_str(self):
        return "#<lambda/%d>" % len(self.params)


class W_Prim(W_Root):
    def __init__(self, name):
        self.name = name

    def to_str(self):
        return "#<prim %s>" % self.name


NIL = W_Nil()
TRUE = W_Bool(True)
FALSE = W_Bool(False)
SYMBOLS = {}


def intern(name):
    sym = SYMBOLS.get(name, None)
    if sym is None:
        sym = W_Symbol(name)
        SYMBOLS[name] = sym
    return sym


S_QUOTE = intern("quote")
S_IF = intern("if")
S_DEFINE = intern("define")
S_LAMBDA = intern("lambda")


class Env(object):
    def __init__(self, parent):
        self.vars = {}
        self.parent = parent

    def lookup(self, sym):
        env = self
        while env is not None:
            if sym in env.vars:
                return env.vars[sym]
            env = env.parent
        raise SchemeError("unbound: " + sym.name)


def tokenize(s):
    return s.replace("(", " ( ").replace(")", " ) ").replace("'", " ' ").split()


def read(toks, pos):
    if pos >= len(toks):
        raise SchemeError("unexpected EOF")
    t = toks[pos]
    if t == "(":
        items = []
        pos += 1
        while pos < len(toks) and toks[pos] != ")":
            item, pos = read(toks, pos)
            items.append(item)
        if pos >= len(toks):
            raise SchemeError("missing )")
        result = NIL
        for item in reversed(items):
            result = W_Pair(item, result)
        return result, pos + 1
    if t == ")":
        raise SchemeError("unexpected )")
    if t == "'":
        item, pos = read(toks, pos + 1)
        return W_Pair(S_QUOTE, W_Pair(item, NIL)), pos
    if t == "#t":
        return TRUE, pos + 1
    if t == "#f":
        return FALSE, pos + 1
    if t.isdigit() or (t[0] == "-" and len(t) > 1 and t[1:].isdigit()):
        return W_Int(int(t)), pos + 1
    return intern(t), pos + 1


def list_to_array(w):
    out = []
    while isinstance(w, W_Pair):
        out.append(w.car)
        w = w.cdr
    return out


def apply_prim(name, args):
    if name == "car" or name == "cdr":
        p = args[0]
        if not isinstance(p, W_Pair):
            raise SchemeError(name + ": not a pair: " + p.to_str())
        return p.car if name == "car" else p.cdr
    if name == "cons":
        return W_Pair(args[0], args[1])
    if name == "null?":
        return TRUE if args[0] is NIL else FALSE
    if name == "list":
        r = NIL
        for a in reversed(args):
            r = W_Pair(a, r)
        return r
    nums = []
    for a in args:
        if not isinstance(a, W_Int):
            raise SchemeError(name + ": not a number: " + a.to_str())
        nums.append(a.v)
    if name == "+":
        return W_Int(sum(nums))
    if name == "*":
        r = 1
        for n in nums:
            r *= n
        return W_Int(r)
    if name == "-":
        return W_Int(nums[0] - nums[1] if len(nums) > 1 else -nums[0])
    if name == "<":
        return TRUE if nums[0] < nums[1] else FALSE
    if name == "=":
        return TRUE if nums[0] == nums[1] else FALSE
    raise SchemeError("unknown primitive " + name)


def evaluate(w, env):
    while True:
        if isinstance(w, W_Symbol):
            return env.lookup(w)
        if not isinstance(w, W_Pair):
            return w
        head = w.car
        if head is S_QUOTE:
            return w.cdr.car
        if head is S_IF:
            args = list_to_array(w.cdr)
            if evaluate(args[0], env).is_true():
                w = args[1]
            else:
                w = args[2] if len(args) > 2 else NIL
            continue
        if head is S_DEFINE:
            target = w.cdr.car
            if isinstance(target, W_Pair):
                name = target.car
                fn = W_Lambda(list_to_array(target.cdr), w.cdr.cdr.car, env)
                env.vars[name] = fn
            else:
                env.vars[target] = evaluate(w.cdr.cdr.car, env)
            return NIL
        if head is S_LAMBDA:
            return W_Lambda(list_to_array(w.cdr.car), w.cdr.cdr.car, env)
        fn = evaluate(head, env)
        args = [evaluate(a, env) for a in list_to_array(w.cdr)]
        if isinstance(fn, W_Prim):
            return apply_prim(fn.name, args)
        if isinstance(fn, W_Lambda):
            if len(args) != len(fn.params):
                raise SchemeError("arity mismatch: %s wants %d, got %d" % (fn.to_str(), len(fn.params), len(args)))
            new_env = Env(fn.env)
            for i in range(len(args)):
                new_env.vars[fn.params[i]] = args[i]
            w = fn.body
            env = new_env
            continue
        raise SchemeError("not callable: " + fn.to_str())


PROGRAM = """
(define (fact n) (if (< n 2) 1 (* n (fact (- n 1)))))
(fact 10)
(define (map f l) (if (null? l) '() (cons (f (car l)) (map f (cdr l)))))
(map (lambda (x) (* x x)) (list 1 2 3 4 5))
(define (loop i acc) (if (= i 0) acc (loop (- i 1) (+ acc i))))
(loop 10000 0)
'(a b . c)
(cons 1 2)
(car '())
(undefined-thing 1)
(fact 1 2)
(+ 1 #t)
map
car
(define (compose f g) (lambda (x) (f (g x))))
((compose (lambda (x) (* x 2)) (lambda (x) (+ x 1))) 20)
(1 2 3)
)
"""


def entry_point(argv):
    glob = Env(None)
    for name in ["car", "cdr", "cons", "null?", "list", "+", "*", "-", "<", "="]:
        glob.vars[intern(name)] = W_Prim(name)
    toks = tokenize(PROGRAM)
    pos = 0
    count = 0
    while pos < len(toks):
        try:
            expr, pos = read(toks, pos)
            result = evaluate(expr, glob)
            count += 1
            if result is not NIL:
                print(">", result.to_str())
        except SchemeError as e:
            print("error:", e.msg)
            if e.msg == "unexpected )":
                pos += 1
    print("symbols", len(SYMBOLS), "evaluated", count)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

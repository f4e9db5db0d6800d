# A tiny Lisp: reader, environment chain, special forms, closures over
# immutable environments (as objects, not Python closures).
class LispError(Exception):
    pass


class Value(object):
    def show(self):
        raise NotImplementedError("show")

    def truthy(self):
        return True


class Num(Value):
    def __init__(self, n):
        self.n = n

    def show(self):
        return str(self.n)

    def truthy(self):
        return self.n != 0


class Sym(Value):
    def __init__(self, name):
        self.name = name

    def show(self):
        return self.name


class Lst(Value):
    def __init__(self, items):
        self.items = items

    def show(self):
        return "(" + " ".join([x.show() for x in self.items]) + ")"

    def truthy(self):
        return len(self.items) > 0


class Lambda(Value):
    def __init__(self, params, body, env):
        self.params = params
        self.body = body
        self.env = env

    def show(self):
        return "<lambda/%d>" % len(self.params)


class Env(object):
    def __init__(self, parent):
        self.vars = {}
        self.parent = parent

    def lookup(self, name):
        e = self
        while e is not None:
            if name in e.vars:
                return e.vars[name]
            e = e.parent
        raise LispError("unbound symbol: " + name)


def tokenize(src):
    return src.replace("(", " ( ").replace(")", " ) ").split()


def read(tokens, pos):
    if pos >= len(tokens):
        raise LispError("unexpected end of input")
    t = tokens[pos]
    if t == "(":
        items = []
        pos += 1
        while pos < len(tokens) and tokens[pos] != ")":
            v, pos = read(tokens, pos)
            items.append(v)
        if pos >= len(tokens):
            raise LispError("missing )")
        return Lst(items), pos + 1
    if t == ")":
        raise LispError("unexpected )")
    try:
        return Num(int(t)), pos + 1
    except ValueError:
        return Sym(t), pos + 1


def num(v):
    if isinstance(v, Num):
        return v.n
    raise LispError("not a number: " + v.show())


def evaluate(x, env, depth):
    if depth > 200:
        raise LispError("too deep")
    if isinstance(x, Num):
        return x
    if isinstance(x, Sym):
        return env.lookup(x.name)
    if not isinstance(x, Lst):
        return x
    if len(x.items) == 0:
        return x
    head = x.items[0]
    if isinstance(head, Sym):
        name = head.name
        if name == "quote":
            return x.items[1]
        if name == "if":
            if evaluate(x.items[1], env, depth + 1).truthy():
                return evaluate(x.items[2], env, depth + 1)
            if len(x.items) > 3:
                return evaluate(x.items[3], env, depth + 1)
            return Lst([])
        if name == "define":
            target = x.items[1]
            if not isinstance(target, Sym):
                raise LispError("define needs a symbol")
            v = evaluate(x.items[2], env, depth + 1)
            env.vars[target.name] = v
            return v
        if name == "lambda":
            plist = x.items[1]
            if not isinstance(plist, Lst):
                raise LispError("lambda needs a parameter list")
            params = []
            for p in plist.items:
                if isinstance(p, Sym):
                    params.append(p.name)
            return Lambda(params, x.items[2], env)
    f = evaluate(head, env, depth + 1)
    args = [evaluate(a, env, depth + 1) for a in x.items[1:]]
    if isinstance(f, Lambda):
        if len(args) != len(f.params):
            raise LispError("arity mismatch: want %d, got %d" % (len(f.params), len(args)))
        local = Env(f.env)
        for i in range(len(args)):
            local.vars[f.params[i]] = args[i]
        return evaluate(f.body, local, depth + 1)
    if isinstance(f, Sym):
        return builtin(f.name, args)
    raise LispError("not callable: " + f.show())


def builtin(name, args):
    if name == "+":
        t = 0
        for a in args:
            t += num(a)
        return Num(t)
    if name == "*":
        t = 1
        for a in args:
            t *= num(a)
        return Num(t)
    if name == "-":
        return Num(num(args[0]) - num(args[1]))
    if name == "<":
        return Num(1 if num(args[0]) < num(args[1]) else 0)
    if name == "=":
        return Num(1 if num(args[0]) == num(args[1]) else 0)
    if name == "list":
        return Lst(args)
    if name == "len":
        a = args[0]
        if isinstance(a, Lst):
            return Num(len(a.items))
        raise LispError("len of non-list")
    raise LispError("unknown builtin " + name)


def global_env():
    env = Env(None)
    for name in ["+", "*", "-", "<", "=", "list", "len"]:
        env.vars[name] = Sym(name)
    return env


def entry_point(argv):
    env = global_env()
    program = [
        "(+ 1 2 (* 3 4))",
        "(define sq (lambda (x) (* x x)))",
        "(sq 12)",
        "(define fact (lambda (n) (if (< n 2) 1 (* n (fact (- n 1))))))",
        "(fact 10)",
        "(fact 20)",
        "(define fib (lambda (n) (if (< n 2) n (+ (fib (- n 1)) (fib (- n 2))))))",
        "(fib 15)",
        "(list 1 (sq 3) (quote (a b c)))",
        "(len (list 1 2 3))",
        "(define make-adder (lambda (n) (lambda (x) (+ x n))))",
        "((make-adder 5) 10)",
        "(undefined 1)",
        "(sq 1 2)",
        "(+ 1 (quote x))",
        "(1 2)",
        "(define loop (lambda (n) (loop n)))",
        "(loop 1)",
        "(+ 1",
        ")",
        "(if 0 1)",
    ]
    for src in program:
        try:
            v, pos = read(tokenize(src), 0)
            result = evaluate(v, env, 0)
            print(src, "=>", result.show())
        except LispError as e:
            print(src, "!! error:", e)
    keys = list(env.vars.keys())
    keys.sort()
    print(keys)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

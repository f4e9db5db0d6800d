# Tokenizer + recursive-descent parser + AST node classes with eval/show per class.


class ParseError(Exception):
    def __init__(self, msg, pos):
        self.msg = msg
        self.pos = pos


class EvalError(Exception):
    def __init__(self, msg):
        self.msg = msg


class Token(object):
    def __init__(self, kind, text, pos):
        self.kind = kind
        self.text = text
        self.pos = pos


def tokenize(src):
    toks = []
    i = 0
    n = len(src)
    while i < n:
        c = src[i]
        if c == " ":
            i += 1
            continue
        start = i
        if c.isdigit():
            while i < n and src[i].isdigit():
                i += 1
            toks.append(Token("num", src[start:i], start))
        elif c.isalpha():
            while i < n and (src[i].isalnum() or src[i] == "_"):
                i += 1
            word = src[start:i]
            kind = "kw" if word in ("let", "in", "if", "then", "else") else "name"
            toks.append(Token(kind, word, start))
        elif src[i:i + 2] in ("==", "<=", ">="):
            toks.append(Token("op", src[i:i + 2], start))
            i += 2
        elif c in "+-*/%()<>=":
            toks.append(Token("op", c, start))
            i += 1
        else:
            raise ParseError("unexpected character %r" % c, i)
    toks.append(Token("eof", "", n))
    return toks


class Node(object):
    def eval(self, env):
        raise NotImplementedError

    def show(self):
        return "?"

    def size(self):
        return 1


class Num(Node):
    def __init__(self, value):
        self.value = value

    def eval(self, env):
        return self.value

    def show(self):
        return str(self.value)


class Var(Node):
    def __init__(self, name):
        self.name = name

    def eval(self, env):
        if self.name not in env:
            raise EvalError("unbound variable " + self.name)
        return env[self.name]

    def show(self):
        return self.name


class BinOp(Node):
    def __init__(self, op, left, right):
        self.op = op
        self.left = left
        self.right = right

    def size(self):
        return 1 + self.left.size() + self.right.size()

    def show(self):
        return "(%s %s %s)" % (self.left.show(), self.op, self.right.show())

    def eval(self, env):
        a = self.left.eval(env)
        b = self.right.eval(env)
        return self.apply(a, b)

    def apply(self, a, b):
        op = self.op
        if op == "+":
            return a + b
        if op == "-":
            return a - b
        if op == "*":
            return a * b
        if op == "/" or op == "%":
            if b == 0:
                raise EvalError("division by zero in " + self.show())
            return a // b if op == "/" else a % b
        if op == "<":
            return int(a < b)
        if op == ">":
            return int(a > b)
        if op == "<=":
            return int(a <= b)
        if op == ">=":
            return int(a >= b)
        if op == "==":
            return int(a == b)
        raise EvalError("bad operator " + op)


class Compare(BinOp):
    def show(self):
        return "[%s %s %s]" % (self.left.show(), self.op, self.right.show())


class Neg(Node):
    def __init__(self, operand):
        self.operand = operand

    def eval(self, env):
        return -self.operand.eval(env)

    def show(self):
        return "-" + self.operand.show()

    def size(self):
        return 1 + self.operand.size()


class Let(Node):
    def __init__(self, name, value, body):
        self.name = name
        self.value = value
        self.body = body

    def eval(self, env):
        v = self.value.eval(env)
        new_env = env.copy()
        new_env[self.name] = v
        return self.body.eval(new_env)

    def show(self):
        return "let %s = %s in %s" % (self.name, self.value.show(), self.body.show())

    def size(self):
        return 1 + self.value.size() + self.body.size()


class If(Node):
    def __init__(self, cond, then, orelse):
        self.cond = cond
        self.then = then
        self.orelse = orelse

    def eval(self, env):
        if self.cond.eval(env) != 0:
            return self.then.eval(env)
        return self.orelse.eval(env)

    def show(self):
        return "if %s then %s else %s" % (self.cond.show(), self.then.show(), self.orelse.show())

    def size(self):
        return 1 + self.cond.size() + self.then.size() + self.orelse.size()


class Parser(object):
    def __init__(self, toks):
        self.toks = toks
        self.pos = 0

    def peek(self):
        return self.toks[self.pos]

    def next(self):
        t = self.toks[self.pos]
        self.pos += 1
        return t

    def expect(self, text):
        t = self.next()
        if t.text != text:
            raise ParseError("expected %s, found %s" % (text, t.text or "end"), t.pos)
        return t

    def parse_expr(self):
        t = self.peek()
        if t.kind == "kw" and t.text == "let":
            self.next()
            name = self.next()
            if name.kind != "name":
                raise ParseError("expected a name", name.pos)
            self.expect("=")
            value = self.parse_expr()
            self.expect("in")
            return Let(name.text, value, self.parse_expr())
        if t.kind == "kw" and t.text == "if":
            self.next()
            cond = self.parse_expr()
            self.expect("then")
            then = self.parse_expr()
            self.expect("else")
            return If(cond, then, self.parse_expr())
        return self.parse_cmp()

    def parse_cmp(self):
        left = self.parse_sum()
        t = self.peek()
        if t.kind == "op" and t.text in ("<", ">", "<=", ">=", "=="):
            self.next()
            return Compare(t.text, left, self.parse_sum())
        return left

    def parse_sum(self):
        left = self.parse_term()
        while self.peek().kind == "op" and self.peek().text in "+-":
            op = self.next().text
            left = BinOp(op, left, self.parse_term())
        return left

    def parse_term(self):
        left = self.parse_unary()
        while self.peek().kind == "op" and self.peek().text in ("*", "/", "%"):
            op = self.next().text
            left = BinOp(op, left, self.parse_unary())
        return left

    def parse_unary(self):
        t = self.peek()
        if t.kind == "op" and t.text == "-":
            self.next()
            return Neg(self.parse_unary())
        if t.kind == "num":
            self.next()
            return Num(int(t.text))
        if t.kind == "name":
            self.next()
            return Var(t.text)
        if t.text == "(":
            self.next()
            e = self.parse_expr()
            self.expect(")")
            return e
        raise ParseError("unexpected %s" % (t.text or "end of input"), t.pos)


SOURCES = [
    "1 + 2 * 3",
    "(1 + 2) * 3 - -4",
    "let x = 5 in x * x + 1",
    "let x = 3 in let y = x * 2 in if y > 5 then y - x else 0",
    "if 2 == 2 then 10 / 3 else 99",
    "7 % 0",
    "let a = 1 in b + a",
    "(1 + 2",
    "3 $ 4",
    "let 5 = 3 in 1",
    "-7 / 2 + -7 % 3",
    "if 1 <= 0 then 1 else if 2 >= 2 then 22 else 33",
]


def entry_point(argv):
    env = {"ten": 10}
    ok = 0
    for src in SOURCES:
        try:
            tree = Parser(tokenize(src)).parse_expr()
            value = tree.eval(env)
            print("%-50s => %d  [%s, size %d]" % (src, value, tree.show(), tree.size()))
            ok += 1
        except ParseError as e:
            print("%-50s parse error at %d: %s" % (src, e.pos, e.msg))
        except EvalError as e:
            print("%-50s eval error: %s" % (src, e.msg))
    kinds = {}
    for t in tokenize("let q = ten * 2 in if q > 15 then q else 0"):
        kinds[t.kind] = kinds.get(t.kind, 0) + 1
    for k in sorted(kinds.keys()):
        print(k, kinds[k])
    print("ok", ok, "of", len(SOURCES))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

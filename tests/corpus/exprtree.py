class Expr(object):
    def eval(self, env):
        raise NotImplementedError

    def show(self):
        raise NotImplementedError


class Num(Expr):
    def __init__(self, value):
        self.value = value

    def eval(self, env):
        return self.value

    def show(self):
        return str(self.value)


class Var(Expr):
    def __init__(self, index):
        self.index = index

    def eval(self, env):
        return env.get(self.index)

    def show(self):
        return "x" + str(self.index)


class BinOp(Expr):
    def __init__(self, op, left, right):
        self.op = op
        self.left = left
        self.right = right

    def eval(self, env):
        a = self.left.eval(env)
        b = self.right.eval(env)
        if self.op == "+":
            return a + b
        if self.op == "-":
            return a - b
        if self.op == "*":
            return a * b
        if self.op == "/":
            if b == 0:
                raise EvalError("division by zero in " + self.show())
            return a // b
        raise EvalError("unknown op " + self.op)

    def show(self):
        return "(" + self.left.show() + " " + self.op + " " + self.right.show() + ")"


class EvalError(Exception):
    pass


class Env(object):
    def __init__(self, x0, x1):
        self.x0 = x0
        self.x1 = x1

    def get(self, i):
        if i == 0:
            return self.x0
        return self.x1


def build(depth, seed):
    if depth == 0:
        if seed % 3 == 0:
            return Var(seed % 2)
        return Num(seed % 7)
    ops = "+-*/"
    op = ops[seed % 4]
    return BinOp(op, build(depth - 1, seed * 3 + 1), build(depth - 1, seed * 5 + 2))


def entry_point(argv):
    env = Env(3, 4)
    for seed in range(9):
        if seed == 8:
            e = BinOp("-", Num(1), BinOp("/", Var(1), Num(0)))
        else:
            e = build(3, seed)
        try:
            print(e.show(), "=", e.eval(env))
        except EvalError as err:
            print("error:", err)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

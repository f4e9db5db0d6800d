class CalcError(Exception):
    pass


def op_add(a, b):
    return a + b


def op_sub(a, b):
    return a - b


def op_mul(a, b):
    return a * b


def op_div(a, b):
    if b == 0.0:
        raise CalcError("division by zero")
    return a / b


def op_pow(a, b):
    return a ** b


def op_max(a, b):
    return max(a, b)


def make_ops():
    ops = {}
    ops["+"] = op_add
    ops["-"] = op_sub
    ops["*"] = op_mul
    ops["/"] = op_div
    ops["^"] = op_pow
    ops["max"] = op_max
    return ops


def rpn(expr, ops, vars):
    stack = []
    for tok in expr.split():
        if tok in ops:
            if len(stack) < 2:
                raise CalcError("not enough operands for " + tok)
            b = stack.pop()
            a = stack.pop()
            stack.append(ops[tok](a, b))
        elif tok in vars:
            stack.append(vars[tok])
        else:
            try:
                stack.append(float(tok))
            except ValueError:
                raise CalcError("bad token %r" % tok)
    if len(stack) != 1:
        raise CalcError("stack has %d items at end" % len(stack))
    return stack[0]


def to_rpn(infix):
    prec = {"+": 1, "-": 1, "*": 2, "/": 2, "^": 3}
    out = []
    stack = []
    for tok in infix.split():
        if tok in prec:
            while stack and stack[-1] != "(" and (prec[stack[-1]] > prec[tok] or
                                                  (prec[stack[-1]] == prec[tok] and tok != "^")):
                out.append(stack.pop())
            stack.append(tok)
        elif tok == "(":
            stack.append(tok)
        elif tok == ")":
            while stack and stack[-1] != "(":
                out.append(stack.pop())
            if not stack:
                raise CalcError("unbalanced )")
            stack.pop()
        else:
            out.append(tok)
    while stack:
        t = stack.pop()
        if t == "(":
            raise CalcError("unbalanced (")
        out.append(t)
    return " ".join(out)


def entry_point(argv):
    ops = make_ops()
    vars = {"pi": 3.14159, "x": 2.0, "y": -0.5}
    exprs = ["3 4 +", "5 1 2 + 4 * + 3 -", "2 10 ^", "x y * pi +", "1 0 /",
             "1 +", "1 2 3", "4 foo *", "7 2 max 3 max", "2 0.5 ^"]
    for e in exprs:
        try:
            print("%-22s = %s" % (e, rpn(e, ops, vars)))
        except CalcError as err:
            print("%-22s ! %s" % (e, err))
    infix = ["3 + 4 * 2 / ( 1 - 5 ) ^ 2 ^ 3", "( x + y ) * ( x - y )", "2 ^ 3 ^ 2",
             "( 1 + 2", "1 + 2 )"]
    for e in infix:
        try:
            r = to_rpn(e)
            print("%-32s -> %-28s = %.6f" % (e, r, rpn(r, ops, vars)))
        except CalcError as err:
            print("%-32s ! %s" % (e, err))
    names = list(ops.keys())
    names.sort()
    table = []
    for n in names:
        table.append((n, ops[n](6.0, 3.0)))
    print(table)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

# Many small classes with __init__ only, and a visitor-ish dispatch through isinstance chains.


class Expr(object):
    pass


class Num(Expr):
    def __init__(self, v):
        self.v = v


class Var(Expr):
    def __init__(self, name):
        self.name = name


class Add(Expr):
    def __init__(self, l, r):
        self.l = l
        self.r = r


class Mul(Expr):
    def __init__(self, l, r):
        self.l = l
        self.r = r


class Neg(Expr):
    def __init__(self, e):
        self.e = e


class UnboundVar(Exception):
    def __init__(self, name):
        self.name = name


def show(e):
    if isinstance(e, Num):
        return str(e.v) if e.v >= 0 else "(%d)" % e.v
    if isinstance(e, Var):
        return e.name
    if isinstance(e, Add):
        return "(" + show(e.l) + " + " + show(e.r) + ")"
    if isinstance(e, Mul):
        return show(e.l) + "*" + show(e.r)
    if isinstance(e, Neg):
        return "-" + show(e.e)
    raise NotImplementedError("show")


def ev(e, env):
    if isinstance(e, Num):
        return e.v
    if isinstance(e, Var):
        if e.name not in env:
            raise UnboundVar(e.name)
        return env[e.name]
    if isinstance(e, Add):
        return ev(e.l, env) + ev(e.r, env)
    if isinstance(e, Mul):
        return ev(e.l, env) * ev(e.r, env)
    if isinstance(e, Neg):
        return -ev(e.e, env)
    raise NotImplementedError("ev")


def simplify(e):
    if isinstance(e, Add):
        l = simplify(e.l)
        r = simplify(e.r)
        if isinstance(l, Num) and isinstance(r, Num):
            return Num(l.v + r.v)
        if isinstance(l, Num) and l.v == 0:
            return r
        if isinstance(r, Num) and r.v == 0:
            return l
        return Add(l, r)
    if isinstance(e, Mul):
        l = simplify(e.l)
        r = simplify(e.r)
        if isinstance(l, Num) and isinstance(r, Num):
            return Num(l.v * r.v)
        if (isinstance(l, Num) and l.v == 0) or (isinstance(r, Num) and r.v == 0):
            return Num(0)
        if isinstance(l, Num) and l.v == 1:
            return r
        if isinstance(r, Num) and r.v == 1:
            return l
        return Mul(l, r)
    if isinstance(e, Neg):
        inner = simplify(e.e)
        if isinstance(inner, Num):
            return Num(-inner.v)
        if isinstance(inner, Neg):
            return inner.e
        return Neg(inner)
    return e


def deriv(e, x):
    if isinstance(e, Num):
        return Num(0)
    if isinstance(e, Var):
        return Num(1 if e.name == x else 0)
    if isinstance(e, Add):
        return Add(deriv(e.l, x), deriv(e.r, x))
    if isinstance(e, Mul):
        return Add(Mul(deriv(e.l, x), e.r), Mul(e.l, deriv(e.r, x)))
    if isinstance(e, Neg):
        return Neg(deriv(e.e, x))
    raise NotImplementedError("deriv")


def size(e):
    if isinstance(e, Add) or isinstance(e, Mul):
        assert isinstance(e, Add) or isinstance(e, Mul)
        return 1 + (size(e.l) + size(e.r) if isinstance(e, Add) else size(e.l) + size(e.r))
    if isinstance(e, Neg):
        return 1 + size(e.e)
    return 1


def entry_point(argv):
    x = Var("x")
    y = Var("y")
    exprs = [
        Add(Mul(Num(3), Mul(x, x)), Add(Mul(Num(-2), x), Num(7))),
        Mul(Add(x, y), Neg(Add(x, Num(0)))),
        Neg(Neg(Mul(Num(1), Add(Num(2), Num(3))))),
        Mul(x, Mul(x, Mul(x, x))),
    ]
    env = {"x": 5, "y": -2}
    for e in exprs:
        d = deriv(e, "x")
        sd = simplify(d)
        print(show(e), "=", ev(e, env))
        print("  simplified", show(simplify(e)), size(e), "->", size(simplify(e)))
        print("  d/dx", show(sd), "=", ev(sd, env), "size", size(d), size(sd))
    try:
        ev(Add(x, Var("z")), env)
    except UnboundVar as u:
        print("unbound", u.name)
    print(ev(Mul(Var("q"), Num(0)), env))
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(entry_point(sys.argv))

# A W_Root-hierarchy interpreter whose value and AST classes reuse
# attribute names with different types (issue 10 item 6): W_Int.value is an
# int, W_Bool.value a bool, W_Str.value a str, W_List.value a list;
# Seq.body is a list of nodes, Lam.body one node. Every read is on a class
# that owns the attribute (after isinstance, or through an override).


class W_Root(object):
    _attrs_ = []

    def is_true(self):
        return True

    def repr_w(self):
        return "<root>"


class W_Int(W_Root):
    _attrs_ = ["value"]

    def __init__(self, value):
        self.value = value

    def is_true(self):
        return self.value != 0

    def repr_w(self):
        return str(self.value)


class W_Bool(W_Root):
    _attrs_ = ["value"]

    def __init__(self, value):
        self.value = value

    def is_true(self):
        return self.value

    def repr_w(self):
        if self.value:
            return "#t"
        return "#f"


class W_Str(W_Root):
    _attrs_ = ["value"]

    def __init__(self, value):
        self.value = value

    def is_true(self):
        return len(self.value) > 0

    def repr_w(self):
        return '"' + self.value + '"'


class W_List(W_Root):
    _attrs_ = ["value"]

    def __init__(self, value):
        self.value = value

    def is_true(self):
        return len(self.value) > 0

    def repr_w(self):
        return "(" + " ".join([w.repr_w() for w in self.value]) + ")"


class W_Closure(W_Root):
    _attrs_ = ["body", "param"]

    def __init__(self, param, body):
        self.param = param
        self.body = body

    def repr_w(self):
        return "<lambda " + self.param + ">"


class Node(object):
    _attrs_ = []


class Lit(Node):
    _attrs_ = ["value"]

    def __init__(self, value):
        self.value = value


class Var(Node):
    _attrs_ = ["name"]

    def __init__(self, name):
        self.name = name


class Seq(Node):
    _attrs_ = ["body"]

    def __init__(self, body):
        self.body = body


class Lam(Node):
    _attrs_ = ["param", "body"]

    def __init__(self, param, body):
        self.param = param
        self.body = body


class Call(Node):
    _attrs_ = ["fn", "arg"]

    def __init__(self, fn, arg):
        self.fn = fn
        self.arg = arg


class If(Node):
    _attrs_ = ["test", "then", "orelse"]

    def __init__(self, test, then, orelse):
        self.test = test
        self.then = then
        self.orelse = orelse


class ListOf(Node):
    _attrs_ = ["items"]

    def __init__(self, items):
        self.items = items


def evaluate(node, env):
    if isinstance(node, Lit):
        return node.value
    elif isinstance(node, Var):
        return env[node.name]
    elif isinstance(node, Seq):
        w_res = W_List([])
        for sub in node.body:
            w_res = evaluate(sub, env)
        return w_res
    elif isinstance(node, Lam):
        return W_Closure(node.param, node.body)
    elif isinstance(node, Call):
        w_fn = evaluate(node.fn, env)
        w_arg = evaluate(node.arg, env)
        if not isinstance(w_fn, W_Closure):
            raise TypeError("not callable: " + w_fn.repr_w())
        inner = {}
        for k in env:
            inner[k] = env[k]
        inner[w_fn.param] = w_arg
        return evaluate(w_fn.body, inner)
    elif isinstance(node, If):
        if evaluate(node.test, env).is_true():
            return evaluate(node.then, env)
        return evaluate(node.orelse, env)
    elif isinstance(node, ListOf):
        return W_List([evaluate(n, env) for n in node.items])
    raise ValueError("unknown node")


def count_nodes(node):
    if isinstance(node, Seq):
        total = 1
        for sub in node.body:
            total += count_nodes(sub)
        return total
    elif isinstance(node, Lam):
        return 1 + count_nodes(node.body)
    elif isinstance(node, Call):
        return 1 + count_nodes(node.fn) + count_nodes(node.arg)
    elif isinstance(node, If):
        return 1 + count_nodes(node.test) + count_nodes(node.then) + count_nodes(node.orelse)
    elif isinstance(node, ListOf):
        total = 1
        for sub in node.items:
            total += count_nodes(sub)
        return total
    return 1


def entry_point(argv):
    ident = Lam("x", Var("x"))
    pick = Lam("c", If(Var("c"), Lit(W_Str("yes")), Lit(W_Str(""))))
    prog = Seq([
        Call(ident, Lit(W_Int(42))),
        ListOf([Lit(W_Int(1)), Lit(W_Bool(False)), Call(pick, Lit(W_Int(0)))]),
        Call(pick, Lit(W_Bool(True))),
    ])
    env = {"nil": W_List([])}
    print(count_nodes(prog))
    for sub in prog.body:
        w = evaluate(sub, env)
        print(w.repr_w(), w.is_true())
    print(evaluate(prog, env).repr_w())
    print(evaluate(Var("nil"), env).is_true())
    print(evaluate(ident, env).repr_w())
    try:
        evaluate(Call(Lit(W_Int(3)), Lit(W_Int(4))), env)
    except TypeError as e:
        print("TypeError:", str(e))
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(entry_point(sys.argv))

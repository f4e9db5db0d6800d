# A Prolog-ish engine: terms, unification with a trail, depth-first resolution with backtracking.


class Term(object):
    def deref(self):
        return self

    def show(self):
        raise NotImplementedError


class Var(Term):
    counter = [0]

    def __init__(self, name):
        Var.counter[0] += 1
        self.name = name
        self.id = Var.counter[0]
        self.ref = None

    def deref(self):
        t = self
        while isinstance(t, Var) and t.ref is not None:
            t = t.ref
        return t

    def show(self):
        t = self.deref()
        if t is self:
            return "_" + self.name
        return t.show()


class Atom(Term):
    def __init__(self, name):
        self.name = name

    def show(self):
        return self.name


class Struct(Term):
    def __init__(self, functor, args):
        self.functor = functor
        self.args = args

    def show(self):
        if self.functor == "." and len(self.args) == 2:
            items = []
            t = self
            while isinstance(t, Struct) and t.functor == "." and len(t.args) == 2:
                items.append(t.args[0].show())
                t = t.args[1].deref()
            tail = "" if isinstance(t, Atom) and t.name == "[]" else "|" + t.show()
            return "[" + ",".join(items) + tail + "]"
        return self.functor + "(" + ", ".join([a.show() for a in self.args]) + ")"


ATOMS = {}


def atom(name):
    if name not in ATOMS:
        ATOMS[name] = Atom(name)
    return ATOMS[name]


NILA = atom("[]")


def mklist(items):
    t = NILA
    for x in reversed(items):
        t = Struct(".", [x, t])
    return t


class Trail(object):
    def __init__(self):
        self.bound = []

    def bind(self, v, t):
        v.ref = t
        self.bound.append(v)

    def mark(self):
        return len(self.bound)

    def undo(self, mark):
        while len(self.bound) > mark:
            v = self.bound.pop()
            v.ref = None


def unify(a, b, trail):
    a = a.deref()
    b = b.deref()
    if a is b:
        return True
    if isinstance(a, Var):
        trail.bind(a, b)
        return True
    if isinstance(b, Var):
        trail.bind(b, a)
        return True
    if isinstance(a, Atom) and isinstance(b, Atom):
        return a.name == b.name
    if isinstance(a, Struct) and isinstance(b, Struct):
        if a.functor != b.functor or len(a.args) != len(b.args):
            return False
        for i in range(len(a.args)):
            if not unify(a.args[i], b.args[i], trail):
                return False
        return True
    return False


def rename(t, mapping):
    t = t.deref()
    if isinstance(t, Var):
        if t not in mapping:
            mapping[t] = Var(t.name)
        return mapping[t]
    if isinstance(t, Struct):
        return Struct(t.functor, [rename(a, mapping) for a in t.args])
    return t


class Clause(object):
    def __init__(self, head, body):
        self.head = head
        self.body = body


class Engine(object):
    def __init__(self, clauses):
        self.clauses = clauses
        self.trail = Trail()
        self.solutions = []
        self.inferences = 0

    def solve(self, goals, depth, query_vars, limit):
        if len(self.solutions) >= limit:
            return
        if not goals:
            self.solutions.append(", ".join(["%s=%s" % (v.name, v.show()) for v in query_vars]))
            return
        if depth > 60:
            return
        goal = goals[0]
        rest = goals[1:]
        for clause in self.clauses:
            mark = self.trail.mark()
            mapping = {}
            head = rename(clause.head, mapping)
            self.inferences += 1
            if unify(goal, head, self.trail):
                body = [rename(b, mapping) for b in clause.body]
                self.solve(body + rest, depth + 1, query_vars, limit)
            self.trail.undo(mark)


def build_db():
    X, Y, Z, L, H, T, R = Var("X"), Var("Y"), Var("Z"), Var("L"), Var("H"), Var("T"), Var("R")
    db = []
    for p, c in [("tom", "bob"), ("tom", "liz"), ("bob", "ann"), ("bob", "pat"), ("pat", "jim")]:
        db.append(Clause(Struct("parent", [atom(p), atom(c)]), []))
    db.append(Clause(Struct("grand", [X, Z]), [Struct("parent", [X, Y]), Struct("parent", [Y, Z])]))
    db.append(Clause(Struct("app", [NILA, L, L]), []))
    db.append(Clause(Struct("app", [Struct(".", [H, T]), L, Struct(".", [H, R])]), [Struct("app", [T, L, R])]))
    return db


def entry_point(argv):
    db = build_db()
    A, B, W = Var("A"), Var("B"), Var("W")
    queries = [
        ("grand(tom, W)", [Struct("grand", [atom("tom"), W])], [W]),
        ("parent(bob, W)", [Struct("parent", [atom("bob"), W])], [W]),
        ("app(A, B, [1,2,3])", [Struct("app", [A, B, mklist([atom("1"), atom("2"), atom("3")])])], [A, B]),
        ("app([a,b], [c], W)", [Struct("app", [mklist([atom("a"), atom("b")]), mklist([atom("c")]), W])], [W]),
        ("grand(W, W)", [Struct("grand", [W, W])], [W]),
    ]
    for text, goals, qvars in queries:
        eng = Engine(db)
        eng.solve(goals, 0, qvars, 10)
        print("?-", text)
        if not eng.solutions:
            print("   no.")
        for s in eng.solutions:
            print("  ", s)
        print("   inferences:", eng.inferences, "trail:", len(eng.trail.bound))
    tr = Trail()
    p = Var("P")
    print(unify(Struct("f", [p, atom("b")]), Struct("f", [atom("a"), p]), tr), p.show())
    tr.undo(0)
    print(p.show(), unify(Struct("g", [p]), Struct("h", [p]), tr))
    print("atoms", sorted(ATOMS.keys()))
    print("vars made", Var.counter[0] > 50)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

# A small W_Root-hierarchy interpreter whose calls have several targets with
# results of different classes (issue 10 item 7): builtins in a list of
# functions, overridden methods returning None or a subclass, and a
# variable table read with a default of a sibling class.


class W_Root(object):
    def getclass(self):
        return None

    def is_true(self):
        return True

    def add(self, other):
        raise TypeError("unsupported operand")

    def str_w(self):
        return "<object>"


class W_Nil(W_Root):
    def is_true(self):
        return False

    def str_w(self):
        return "nil"


class W_Int(W_Root):
    def __init__(self, v):
        self.v = v

    def is_true(self):
        return self.v != 0

    def add(self, other):
        if isinstance(other, W_Int):
            return W_Int(self.v + other.v)
        if isinstance(other, W_Str):
            return W_Str(str(self.v) + other.s)
        raise TypeError("int + ?")

    def str_w(self):
        return str(self.v)


class W_Str(W_Root):
    def __init__(self, s):
        self.s = s

    def is_true(self):
        return len(self.s) > 0

    def add(self, other):
        return W_Str(self.s + other.str_w())

    def str_w(self):
        return self.s


class W_Class(W_Root):
    def __init__(self, name):
        self.name = name

    def str_w(self):
        return "<class %s>" % self.name


class W_Instance(W_Root):
    def __init__(self, w_class, fields):
        self.w_class = w_class
        self.fields = fields

    def getclass(self):
        return self.w_class

    def str_w(self):
        return "<%s instance>" % self.w_class.name


W_NIL = W_Nil()


def b_len(args):
    w = args[0]
    if isinstance(w, W_Str):
        return W_Int(len(w.s))
    return W_NIL


def b_str(args):
    return W_Str(args[0].str_w())


def b_not(args):
    if args[0].is_true():
        return W_Int(0)
    return W_Int(1)


def b_class(args):
    return args[0].getclass()


BUILTIN_NAMES = ["len", "str", "not", "class"]
BUILTINS = [b_len, b_str, b_not, b_class]


class Frame(object):
    def __init__(self):
        self.stack = []
        self.vars = {}

    def push(self, w):
        self.stack.append(w)

    def pop(self):
        return self.stack.pop()


def run(code, frame):
    out = []
    for line in code:
        parts = line.split(" ")
        op = parts[0]
        if op == "int":
            frame.push(W_Int(int(parts[1])))
        elif op == "str":
            frame.push(W_Str(parts[1]))
        elif op == "new":
            frame.push(W_Instance(W_Class(parts[1]), {}))
        elif op == "load":
            frame.push(frame.vars.get(parts[1], W_NIL))
        elif op == "store":
            frame.vars[parts[1]] = frame.pop()
        elif op == "add":
            w_b = frame.pop()
            w_a = frame.pop()
            frame.push(w_a.add(w_b))
        elif op == "call":
            i = BUILTIN_NAMES.index(parts[1])
            w_res = BUILTINS[i]([frame.pop()])
            if w_res is None:
                frame.push(W_NIL)
            else:
                frame.push(w_res)
        elif op == "print":
            out.append(frame.pop().str_w())
        else:
            raise ValueError("bad op " + op)
    return out


PROGRAM = [
    "int 2", "int 40", "add", "store x",
    "load x", "print",
    "load y", "print",
    "str abc", "call len", "print",
    "int 7", "call len", "print",
    "new Point", "store p",
    "load p", "call class", "print",
    "load x", "call class", "print",
    "load p", "print",
    "load x", "call not", "print",
    "load y", "call not", "print",
    "int 1", "str -two", "add", "print",
    "str s", "load x", "add", "call str", "print",
]


def entry_point(argv):
    frame = Frame()
    for line in run(PROGRAM, frame):
        print(line)
    # The class of a value, through the override that may give None.
    for w in [W_Int(1), W_Instance(W_Class("A"), {}), W_NIL]:
        w_cls = w.getclass()
        if w_cls is None:
            print("no class")
        else:
            print(w_cls.name)
    try:
        W_NIL.add(W_Int(1))
    except TypeError as e:
        print("TypeError:", str(e))
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(entry_point(sys.argv))

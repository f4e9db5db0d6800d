# isinstance() narrows on both ways of a test, also through bool(), a
# stored result, `not`, `assert`, and when the narrowed value is passed
# on; sibling classes keep attributes of the same name and different
# types; the result does not depend on which caller the annotator meets
# first.


class W_Root(object):
    def name(self):
        return "root"


class W_Int(W_Root):
    def __init__(self, v):
        self.value = v

    def name(self):
        return "int"


class W_Str(W_Root):
    def __init__(self, s):
        self.value = s

    def name(self):
        return "str"


class W_Class(W_Root):
    def __init__(self, n):
        self.cname = n
        self.methods = {}

    def lookup(self, sel):
        return self.methods.get(sel, "")


def int_of(w):
    return w.value


def str_of(w):
    return w.value


def show(w):
    if isinstance(w, W_Int):
        return "int %d" % w.value
    elif isinstance(w, W_Str):
        return "str " + w.value
    return "? " + w.name()


def only_str(w):
    if not isinstance(w, W_Str):
        return -1
    return len(str_of(w))


def stored(w):
    is_int = isinstance(w, W_Int)
    if is_int:
        return int_of(w) * 2
    return 0


def via_bool(w):
    if bool(isinstance(w, W_Str)):
        return str_of(w).upper()
    return "-"


def send(w, sel):
    assert isinstance(w, W_Class)
    w.methods["x"] = "getx"
    return w.cname + "." + sel + " -> " + w.lookup(sel)


def entry_point(argv):
    s = W_Str("abc")
    i = W_Int(7)
    c = W_Class("Point")
    print(show(s))
    print(show(i))
    print(show(c))
    print(only_str(i), only_str(s))
    print(stored(s), stored(i))
    print(via_bool(i), via_bool(s))
    print(send(c, "x"), "|", send(c, "y"))
    items = [s, i, c]
    for w in items:
        print(w.name(), show(w), only_str(w), stored(w), via_bool(w))
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(entry_point(sys.argv))

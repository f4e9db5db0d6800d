# A JSON-ish parser building W_Object boxed values (W_Int, W_Str, W_List, W_Dict...), with rlib helpers.
from rpython.rlib.objectmodel import we_are_translated, specialize, compute_hash
from rpython.rlib.rarithmetic import ovfcheck, intmask, r_uint
from rpython.rlib.rstring import StringBuilder


class JSONError(Exception):
    def __init__(self, msg, pos):
        self.msg = msg
        self.pos = pos


class W_Object(object):
    _attrs_ = []

    def tojson(self, b):
        raise NotImplementedError

    def type_name(self):
        return "object"

    def hash_value(self):
        return 0


class W_Null(W_Object):
    _attrs_ = []

    def tojson(self, b):
        b.append("null")

    def type_name(self):
        return "null"


class W_Bool(W_Object):
    _attrs_ = ["value"]
    _immutable_fields_ = ["value"]

    def __init__(self, value):
        self.value = value

    def tojson(self, b):
        b.append("true" if self.value else "false")

    def type_name(self):
        return "bool"

    def hash_value(self):
        return 1 if self.value else 0


class W_Int(W_Object):
    _attrs_ = ["intval"]
    _immutable_fields_ = ["intval"]

    def __init__(self, intval):
        self.intval = intval

    def tojson(self, b):
        b.append(str(self.intval))

    def type_name(self):
        return "int"

    def hash_value(self):
        return self.intval


class W_Str(W_Object):
    _attrs_ = ["strval"]
    _immutable_fields_ = ["strval"]

    def __init__(self, strval):
        self.strval = strval

    def tojson(self, b):
        b.append('"')
        for c in self.strval:
            if c == '"' or c == "\\":
                b.append("\\")
                b.append(c)
            elif c == "\n":
                b.append("\\n")
            else:
                b.append(c)
        b.append('"')

    def type_name(self):
        return "str"

    def hash_value(self):
        h = r_uint(5381)
        for c in self.strval:
            h = (h << 5) + h + r_uint(ord(c))
        return intmask(h) ^ compute_hash(len(self.strval))


class W_List(W_Object):
    _attrs_ = ["items"]

    def __init__(self, items):
        self.items = items

    def tojson(self, b):
        b.append("[")
        for i in range(len(self.items)):
            if i:
                b.append(", ")
            self.items[i].tojson(b)
        b.append("]")

    def type_name(self):
        return "list"

    def hash_value(self):
        h = r_uint(0x345678)
        for w in self.items:
            h = (h ^ r_uint(w.hash_value())) * r_uint(1000003)
        return intmask(h)


class W_Dict(W_Object):
    _attrs_ = ["keys", "values"]

    def __init__(self):
        self.keys = []
        self.values = {}

    def setitem(self, key, w_value):
        if key not in self.values:
            self.keys.append(key)
        self.values[key] = w_value

    def tojson(self, b):
        b.append("{")
        first = True
        for k in self.keys:
            if not first:
                b.append(", ")
            first = False
            W_Str(k).tojson(b)
            b.append(": ")
            self.values[k].tojson(b)
        b.append("}")

    def type_name(self):
        return "dict"


W_NULL = W_Null()
W_TRUE = W_Bool(True)
W_FALSE = W_Bool(False)


@specialize.argtype(0)
def wrap(x):
    if isinstance(x, int):
        return W_Int(x)
    return W_Str(x)


class Parser(object):
    def __init__(self, s):
        self.s = s
        self.i = 0

    def skip(self):
        while self.i < len(self.s) and self.s[self.i] in " \t\n":
            self.i += 1

    def parse(self):
        w = self.value()
        self.skip()
        if self.i != len(self.s):
            raise JSONError("trailing data", self.i)
        return w

    def value(self):
        self.skip()
        if self.i >= len(self.s):
            raise JSONError("unexpected end", self.i)
        c = self.s[self.i]
        if c == "{":
            return self.obj()
        if c == "[":
            return self.arr()
        if c == '"':
            return W_Str(self.string())
        if c == "-" or c.isdigit():
            return self.number()
        for word, w in [("null", W_NULL), ("true", W_TRUE), ("false", W_FALSE)]:
            if self.s.startswith(word, self.i):
                self.i += len(word)
                return w
        raise JSONError("unexpected %r" % c, self.i)

    def number(self):
        neg = False
        if self.s[self.i] == "-":
            neg = True
            self.i += 1
        start = self.i
        n = 0
        while self.i < len(self.s) and self.s[self.i].isdigit():
            try:
                n = ovfcheck(n * 10)
                n = ovfcheck(n + (ord(self.s[self.i]) - 48))
            except OverflowError:
                raise JSONError("number too large", start)
            self.i += 1
        if self.i == start:
            raise JSONError("digit expected", start)
        return W_Int(-n if neg else n)

    def string(self):
        self.i += 1
        b = StringBuilder()
        while True:
            if self.i >= len(self.s):
                raise JSONError("unterminated string", self.i)
            c = self.s[self.i]
            self.i += 1
            if c == '"':
                return b.build()
            if c == "\\":
                e = self.s[self.i]
                self.i += 1
                b.append("\n" if e == "n" else e)
            else:
                b.append(c)

    def arr(self):
        self.i += 1
        items = []
        self.skip()
        if self.s[self.i] == "]":
            self.i += 1
            return W_List(items)
        while True:
            items.append(self.value())
            self.skip()
            c = self.s[self.i]
            self.i += 1
            if c == "]":
                return W_List(items)
            if c != ",":
                raise JSONError("expected , or ]", self.i - 1)

    def obj(self):
        self.i += 1
        w_d = W_Dict()
        self.skip()
        if self.s[self.i] == "}":
            self.i += 1
            return w_d
        while True:
            self.skip()
            if self.s[self.i] != '"':
                raise JSONError("key must be a string", self.i)
            key = self.string()
            self.skip()
            if self.s[self.i] != ":":
                raise JSONError("expected :", self.i)
            self.i += 1
            w_d.setitem(key, self.value())
            self.skip()
            c = self.s[self.i]
            self.i += 1
            if c == "}":
                return w_d
            if c != ",":
                raise JSONError("expected , or }", self.i - 1)


def dumps(w):
    b = StringBuilder()
    w.tojson(b)
    return b.build()


def count_types(w, counts):
    name = w.type_name()
    counts[name] = counts.get(name, 0) + 1
    if isinstance(w, W_List):
        for x in w.items:
            count_types(x, counts)
    elif isinstance(w, W_Dict):
        for k in w.keys:
            count_types(w.values[k], counts)


DOCS = [
    '{"name": "rpython", "version": [3, 14, -2], "ok": true, "none": null}',
    '[1, [2, [3, [4, []]]], "a\\"b", "line\\nbreak"]',
    '{"a": {"b": {"c": false}}, "a": 5}',
    '[1, 2,, 3]',
    '{"x": 1 "y": 2}',
    '99999999999999999999',
    '[9223372036854775807, -9223372036854775807]',
    '{1: 2}',
    '"unterminated',
    '[true] x',
]


def entry_point(argv):
    print("translated" if we_are_translated() else "translated")
    for doc in DOCS:
        try:
            w = Parser(doc).parse()
        except JSONError as e:
            print("ERR %-44s at %d: %s" % (doc, e.pos, e.msg))
            continue
        counts = {}
        count_types(w, counts)
        summary = " ".join(["%s=%d" % (k, counts[k]) for k in sorted(counts.keys())])
        print("OK  %s  (%s)" % (dumps(w), summary))
        if isinstance(w, W_List):
            print("    hash", w.hash_value() & 0xffff, "len", len(w.items))
    print(dumps(W_List([wrap(1), wrap("two"), wrap(3)])))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

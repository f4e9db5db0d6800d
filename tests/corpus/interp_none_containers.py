# A W_Root-hierarchy object model whose containers are made on first use
# (issue 10 item 8): an object's attribute dict and a class's method list
# start as None, and every use narrows them with `is None`, `is not None`
# or a truth test, as an interpreter does.


class W_Root(object):
    def repr_w(self):
        return "?"


class W_Int(W_Root):
    def __init__(self, v):
        self.v = v

    def repr_w(self):
        return str(self.v)


class W_Str(W_Root):
    def __init__(self, s):
        self.s = s

    def repr_w(self):
        return "'" + self.s + "'"


class W_Type(W_Root):
    def __init__(self, name, w_base):
        self.name = name
        self.w_base = w_base
        self.methods = None
        self.doc = None

    def add_method(self, name):
        if self.methods is None:
            self.methods = []
        self.methods.append(name)

    def has_method(self, name):
        w_t = self
        while w_t is not None:
            ms = w_t.methods
            if ms and name in ms:
                return True
            w_t = w_t.w_base
        return False

    def all_methods(self):
        out = []
        if self.w_base is not None:
            out = self.w_base.all_methods()
        ms = self.methods
        if ms is not None:
            for m in ms:
                if m not in out:
                    out.append(m)
        return out

    def describe(self):
        d = self.doc
        if not d:
            return self.name
        return self.name + ": " + d

    def repr_w(self):
        return "<type " + self.name + ">"


class W_Object(W_Root):
    def __init__(self, w_type):
        self.w_type = w_type
        self.dict_w = None

    def setattr(self, name, w_value):
        d = self.dict_w
        if d is None:
            d = {}
            self.dict_w = d
        d[name] = w_value

    def getattr(self, name):
        d = self.dict_w
        if d is not None and name in d:
            return d[name]
        return None

    def attr_names(self):
        d = self.dict_w
        if not d:
            return []
        names = []
        for k in d:
            names.append(k)
        names.sort()
        return names

    def repr_w(self):
        d = self.dict_w
        if d:
            parts = []
            for k in self.attr_names():
                parts.append(k + "=" + d[k].repr_w())
            return "<" + self.w_type.name + " " + ", ".join(parts) + ">"
        return "<" + self.w_type.name + ">"


def entry_point(argv):
    w_object = W_Type("object", None)
    w_object.add_method("__repr__")
    w_point = W_Type("Point", w_object)
    w_point.doc = "a point in the plane"
    w_point.add_method("norm")
    w_point.add_method("__repr__")
    print(w_object.describe())
    print(w_point.describe())
    print(" ".join(w_point.all_methods()))
    for name in ["norm", "__repr__", "move"]:
        print(name, w_point.has_method(name), w_object.has_method(name))
    w_p = W_Object(w_point)
    print(w_p.repr_w(), len(w_p.attr_names()))
    w_p.setattr("y", W_Int(2))
    w_p.setattr("x", W_Int(1))
    w_p.setattr("tag", W_Str("origin"))
    print(w_p.repr_w())
    for name in ["x", "z"]:
        w_v = w_p.getattr(name)
        if w_v is None:
            print(name, "missing")
        else:
            print(name, w_v.repr_w())
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(entry_point(sys.argv))

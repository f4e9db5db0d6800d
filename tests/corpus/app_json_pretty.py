class Node(object):
    def render(self, indent, level):
        raise NotImplementedError("render")

    def count(self):
        return 1


class Null(Node):
    def render(self, indent, level):
        return "null"


class Bool(Node):
    def __init__(self, value):
        self.value = value

    def render(self, indent, level):
        if self.value:
            return "true"
        return "false"


class Num(Node):
    def __init__(self, value):
        self.value = value

    def render(self, indent, level):
        return str(self.value)


class Float(Node):
    def __init__(self, value):
        self.value = value

    def render(self, indent, level):
        return repr(self.value)


class Str(Node):
    def __init__(self, value):
        self.value = value

    def render(self, indent, level):
        out = ['"']
        for ch in self.value:
            if ch == '"':
                out.append('\\"')
            elif ch == "\\":
                out.append("\\\\")
            elif ch == "\n":
                out.append("\\n")
            elif ord(ch) < 32:
                out.append("\\u%04x" % ord(ch))
            else:
                out.append(ch)
        out.append('"')
        return "".join(out)


class Array(Node):
    def __init__(self):
        self.items = []

    def add(self, node):
        self.items.append(node)
        return self

    def count(self):
        n = 1
        for it in self.items:
            n += it.count()
        return n

    def render(self, indent, level):
        if len(self.items) == 0:
            return "[]"
        pad = " " * (indent * (level + 1))
        parts = []
        for it in self.items:
            parts.append(pad + it.render(indent, level + 1))
        return "[\n" + ",\n".join(parts) + "\n" + " " * (indent * level) + "]"


class Object(Node):
    def __init__(self):
        self.keys = []
        self.values = {}

    def put(self, key, node):
        if key not in self.values:
            self.keys.append(key)
        self.values[key] = node
        return self

    def count(self):
        n = 1
        for k in self.keys:
            n += self.values[k].count()
        return n

    def render(self, indent, level):
        if len(self.keys) == 0:
            return "{}"
        pad = " " * (indent * (level + 1))
        parts = []
        for k in self.keys:
            parts.append(pad + Str(k).render(indent, level) + ": " +
                         self.values[k].render(indent, level + 1))
        return "{\n" + ",\n".join(parts) + "\n" + " " * (indent * level) + "}"


def depth(node):
    if isinstance(node, Array):
        best = 0
        for it in node.items:
            d = depth(it)
            if d > best:
                best = d
        return best + 1
    elif isinstance(node, Object):
        best = 0
        for k in node.keys:
            d = depth(node.values[k])
            if d > best:
                best = d
        return best + 1
    return 0


def build():
    root = Object()
    root.put("name", Str("widget \"deluxe\""))
    root.put("id", Num(40213))
    root.put("price", Float(19.99))
    root.put("ratio", Float(1.0 / 3.0))
    root.put("active", Bool(True))
    root.put("discontinued", Bool(False))
    root.put("parent", Null())
    tags = Array()
    for t in ["red", "blue", "tab\there", "line\nbreak", "back\\slash"]:
        tags.add(Str(t))
    root.put("tags", tags)
    dims = Object().put("w", Num(10)).put("h", Num(-3)).put("d", Float(2.5e-5))
    root.put("dims", dims)
    matrix = Array()
    for i in range(3):
        row = Array()
        for j in range(3):
            row.add(Num(i * 3 + j))
        matrix.add(row)
    matrix.add(Array())
    matrix.add(Object())
    root.put("matrix", matrix)
    root.put("id", Num(40214))
    return root


def entry_point(argv):
    root = build()
    print(root.render(2, 0))
    print(root.render(4, 1))
    print("nodes:", root.count(), "depth:", depth(root))
    try:
        Node().render(0, 0)
    except NotImplementedError as e:
        print("abstract:", e)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

# Sibling classes may each have an attribute of the same name and a
# different type, as long as no common base reads it (issue 10 item 6);
# `_attrs_` lists each class's own attributes.


class Node(object):
    _attrs_ = []


class NumNode(Node):
    _attrs_ = ["value"]

    def __init__(self, v):
        self.value = v

    def show(self):
        return str(self.value + 1)


class StrNode(Node):
    _attrs_ = ["value"]

    def __init__(self, s):
        self.value = s

    def show(self):
        return self.value.upper()


class ListNode(Node):
    _attrs_ = ["value"]

    def __init__(self, items):
        self.value = items

    def show(self):
        return "[" + ", ".join([n.show() for n in self.value]) + "]"


class FloatNode(Node):
    _attrs_ = ["value"]

    def __init__(self, f):
        self.value = f

    def show(self):
        return str(self.value * 2.0)


def describe(n):
    if isinstance(n, NumNode):
        return "num %d" % n.value
    elif isinstance(n, StrNode):
        return "str %s of %d" % (n.value, len(n.value))
    elif isinstance(n, ListNode):
        return "list of %d" % len(n.value)
    elif isinstance(n, FloatNode):
        return "float %s" % n.value
    return "?"


def entry_point(argv):
    nodes = [NumNode(4), StrNode("ab"), FloatNode(1.25)]
    nodes.append(ListNode([NumNode(1), StrNode("x"), ListNode([])]))
    for n in nodes:
        print(n.show())
        print(describe(n))
    s = StrNode("direct")
    print(s.value + "!")
    k = NumNode(5)
    print(k.value * 3)
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(entry_point(sys.argv))

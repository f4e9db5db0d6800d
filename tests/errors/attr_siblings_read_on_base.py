# error: 21:12: type conflict: attribute 'value' is used here on Node, whose subclasses give it different types
class Node(object):
    pass


class NumNode(Node):
    def __init__(self, v):
        self.value = v


class StrNode(Node):
    def __init__(self, s):
        self.value = s


def show(n):
    if isinstance(n, NumNode):
        return str(n.value + 1)
    if isinstance(n, StrNode):
        return n.value.upper()
    return n.value


def entry_point(argv):
    nodes = [NumNode(4), StrNode("ab")]
    for n in nodes:
        print(show(n))
    return 0

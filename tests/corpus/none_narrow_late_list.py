# An attribute that is None in the first calls annotated and a list or an
# instance only later: `is not None` / `is None` / truth tests must not
# annotate the way that cannot be taken yet (it is re-flowed later).


class Node(object):
    def __init__(self, name):
        self.name = name
        self.children = None
        self.parent = None

    def add(self, child):
        if self.children is None:
            self.children = []
        self.children.append(child)
        child.parent = self


def count(node):
    kids = node.children
    if kids is not None:
        n = 1
        for k in kids:
            n += count(k)
        return n
    return 1


def depth(node):
    p = node.parent
    if p is None:
        return 0
    return 1 + depth(p)


def describe(node):
    kids = node.children
    if not kids:
        return node.name
    return node.name + "(" + ",".join([describe(k) for k in kids]) + ")"


def entry_point(argv):
    root = Node("root")
    print(count(root), depth(root), describe(root))
    a = Node("a")
    b = Node("b")
    root.add(a)
    root.add(b)
    c = Node("c")
    a.add(c)
    print(count(root), depth(c), describe(root))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

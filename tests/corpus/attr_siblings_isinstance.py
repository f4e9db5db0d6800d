class Node(object):
    pass


class Seq(Node):
    def __init__(self, body):
        self.body = body


class Lam(Node):
    def __init__(self, body):
        self.body = body


class Leaf(Node):
    def __init__(self, x):
        self.x = x


def count(node):
    if isinstance(node, Seq):
        total = 0
        for sub in node.body:
            total += count(sub)
        return total
    elif isinstance(node, Lam):
        return count(node.body)
    elif isinstance(node, Leaf):
        return node.x
    return -1


def entry_point(argv):
    tree = Lam(Seq([Leaf(1), Lam(Leaf(2)), Seq([Leaf(3)])]))
    print(count(tree))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

class Node(object):
    pass


class Leaf(Node):
    def __init__(self, value):
        self.value = value
        self.hits = 0


class Pair(Node):
    def __init__(self, left, right):
        self.left = left
        self.right = right


A = Leaf(1)
B = Leaf(20)
TREE = Pair(A, Pair(B, Leaf(300)))
DEFAULT = Leaf(-1)


def lookup(path):
    node = TREE
    for i in range(len(path)):
        if path[i] == "l":
            leaf = node.left
            leaf.hits += 1
            return leaf
        node2 = node.right
        if i == len(path) - 1:
            return DEFAULT
        node = node2
    return DEFAULT


def entry_point(argv):
    print(lookup("l").value)
    print(lookup("rl").value)
    print(lookup("rl").value, B.hits)
    A.value = 5
    print(lookup("l").value, A.hits)
    print(TREE.left is A, TREE.right.left is B, DEFAULT.hits)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

# args: 8
# The classic GC benchmark (Ellis, Kovac, Boehm): binary trees built top
# down and bottom up, short-lived ones of every depth while a long-lived
# tree stays alive. Usage: targetgcbench [max_depth]


class Node(object):
    def __init__(self, left, right):
        self.left = left
        self.right = right
        self.value = 0


def tree_size(depth):
    return (1 << (depth + 1)) - 1


def populate(depth, node):
    # Top down: fill the children of an existing node.
    if depth <= 0:
        return
    depth -= 1
    node.left = Node(None, None)
    node.right = Node(None, None)
    populate(depth, node.left)
    populate(depth, node.right)


def make_tree(depth):
    # Bottom up.
    if depth <= 0:
        return Node(None, None)
    return Node(make_tree(depth - 1), make_tree(depth - 1))


def check(node):
    if node is None:
        return 0
    return 1 + check(node.left) + check(node.right)


def time_construction(depth, stretch):
    iterations = 2 * tree_size(stretch) // tree_size(depth)
    total = 0
    for i in range(iterations):
        root = Node(None, None)
        populate(depth, root)
        total += check(root)
    for i in range(iterations):
        root = make_tree(depth)
        total += check(root)
    return iterations, total


def entry_point(argv):
    max_depth = 16
    if len(argv) > 1:
        max_depth = int(argv[1])
    min_depth = 4
    stretch = max_depth + 1
    print("stretch tree of depth", stretch, "check", check(make_tree(stretch)))
    long_lived = Node(None, None)
    populate(max_depth, long_lived)
    depth = min_depth
    while depth <= max_depth:
        iterations, total = time_construction(depth, max_depth)
        print(iterations, "trees of depth", depth, "check", total)
        depth += 2
    print("long lived tree of depth", max_depth, "check", check(long_lived))
    return 0


def target(driver, args):
    return entry_point, None


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

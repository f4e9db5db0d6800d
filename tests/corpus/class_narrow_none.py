class Tree(object):
    def __init__(self, key):
        self.key = key
        self.left = None
        self.right = None


def insert(t, key):
    if t is None:
        return Tree(key)
    if key < t.key:
        t.left = insert(t.left, key)
    else:
        t.right = insert(t.right, key)
    return t


def height(t):
    if t is None:
        return 0
    a = height(t.left)
    b = height(t.right)
    if a > b:
        return a + 1
    return b + 1


def inorder(t, out):
    if t is not None:
        out = inorder(t.left, out)
        out = out + str(t.key) + " "
        out = inorder(t.right, out)
    return out


def minimum(t):
    while t.left is not None:
        t = t.left
    return t.key


def entry_point(argv):
    root = None
    for i in range(12):
        root = insert(root, (i * 37 + 11) % 50)
    print(inorder(root, ""))
    print(height(root))
    if root:
        print(minimum(root))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

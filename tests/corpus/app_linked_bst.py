class ListNode(object):
    def __init__(self, value, next):
        self.value = value
        self.next = next


class LinkedList(object):
    def __init__(self):
        self.head = None
        self.size = 0

    def push_front(self, v):
        self.head = ListNode(v, self.head)
        self.size += 1

    def append(self, v):
        node = ListNode(v, None)
        if self.head is None:
            self.head = node
        else:
            cur = self.head
            while cur.next is not None:
                cur = cur.next
            cur.next = node
        self.size += 1

    def remove(self, v):
        prev = None
        cur = self.head
        while cur is not None:
            if cur.value == v:
                if prev is None:
                    self.head = cur.next
                else:
                    prev.next = cur.next
                self.size -= 1
                return True
            prev = cur
            cur = cur.next
        return False

    def reverse(self):
        prev = None
        cur = self.head
        while cur is not None:
            nxt = cur.next
            cur.next = prev
            prev = cur
            cur = nxt
        self.head = prev

    def to_list(self):
        out = []
        cur = self.head
        while cur is not None:
            out.append(cur.value)
            cur = cur.next
        return out


class TreeNode(object):
    def __init__(self, key, val):
        self.key = key
        self.val = val
        self.left = None
        self.right = None


class BST(object):
    def __init__(self):
        self.root = None
        self.count = 0

    def insert(self, key, val):
        self.root = self._insert(self.root, key, val)

    def _insert(self, node, key, val):
        if node is None:
            self.count += 1
            return TreeNode(key, val)
        if key < node.key:
            node.left = self._insert(node.left, key, val)
        elif key > node.key:
            node.right = self._insert(node.right, key, val)
        else:
            node.val = val
        return node

    def get(self, key):
        node = self.root
        while node is not None:
            if key == node.key:
                return node.val
            if key < node.key:
                node = node.left
            else:
                node = node.right
        raise KeyError(key)

    def delete(self, key):
        self.root = self._delete(self.root, key)

    def _delete(self, node, key):
        if node is None:
            raise KeyError(key)
        if key < node.key:
            node.left = self._delete(node.left, key)
        elif key > node.key:
            node.right = self._delete(node.right, key)
        else:
            if node.left is None:
                self.count -= 1
                return node.right
            if node.right is None:
                self.count -= 1
                return node.left
            succ = node.right
            while succ.left is not None:
                succ = succ.left
            node.key = succ.key
            node.val = succ.val
            node.right = self._delete(node.right, succ.key)
        return node

    def inorder(self):
        out = []
        self._walk(self.root, out)
        return out

    def _walk(self, node, out):
        if node is None:
            return
        self._walk(node.left, out)
        out.append((node.key, node.val))
        self._walk(node.right, out)

    def height(self):
        return self._height(self.root)

    def _height(self, node):
        if node is None:
            return 0
        l = self._height(node.left)
        r = self._height(node.right)
        if l > r:
            return l + 1
        return r + 1


def entry_point(argv):
    ll = LinkedList()
    for i in range(6):
        ll.append(i * i)
    ll.push_front(-1)
    print(ll.to_list(), ll.size)
    print(ll.remove(9), ll.remove(100), ll.remove(-1))
    ll.reverse()
    print(ll.to_list(), ll.size)
    empty = LinkedList()
    empty.reverse()
    print(empty.to_list(), empty.head is None)

    t = BST()
    words = "m f t b h p w a c g i n q v x z".split()
    for i, w in enumerate(words):
        t.insert(w, i)
    t.insert("m", 100)
    print("count", t.count, "height", t.height())
    print(t.inorder())
    for k in ["m", "z", "a", "nope"]:
        try:
            print(k, "->", t.get(k))
        except KeyError as e:
            print("missing", e)
    for k in ["a", "f", "m", "t", "m"]:
        try:
            t.delete(k)
            print("deleted", k, "count", t.count, "root", t.root.key)
        except KeyError as e:
            print("cannot delete", e)
    print([k for k, v in t.inorder()])
    print("height", t.height())
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

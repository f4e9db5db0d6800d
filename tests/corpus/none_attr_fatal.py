class Node(object):
    def __init__(self, val, nxt):
        self.val = val
        self.next = nxt

    def total(self):
        s = 0
        n = self
        while n is not None:
            s += n.val
            n = n.next
        return s


def build(k):
    head = None
    for i in range(k):
        head = Node(i, head)
    return head


def entry_point(argv):
    lst = build(4)
    print(lst.total())
    print(lst.next.next.val)
    walker = lst
    steps = 0
    while steps < 10:
        print("at", walker.val)
        walker = walker.next
        steps += 1
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(entry_point(sys.argv))

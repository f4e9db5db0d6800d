class Node(object):
    def __init__(self, value, next):
        self.value = value
        self.next = next


def length(n):
    count = 0
    while n is not None:
        count += 1
        n = n.next
    return count


def total(n):
    s = 0
    while n:
        s += n.value
        n = n.next
    return s


def find(n, v):
    while n is not None:
        if n.value == v:
            return n
        n = n.next
    return None


def entry_point(argv):
    head = None
    for i in range(5):
        head = Node(i * i, head)
    print(length(head), total(head))
    f = find(head, 9)
    if f is not None:
        print("found", f.value)
    g = find(head, 10)
    if g is None:
        print("not found")
    print(length(None))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

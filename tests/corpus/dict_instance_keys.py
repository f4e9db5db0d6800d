class Node(object):
    def __init__(self, name):
        self.name = name


def entry_point(argv):
    a = Node("a")
    b = Node("b")
    a2 = Node("a")
    seen = {}
    seen[a] = 1
    seen[b] = 2
    seen[a2] = 3
    seen[a] = 10
    print(len(seen), seen[a], seen[b], seen[a2])
    print(a in seen, Node("c") in seen)
    for n, v in seen.items():
        print(n.name, v)
    names = {}
    for n in seen:
        names[n.name] = names.get(n.name, 0) + 1
    print(names)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

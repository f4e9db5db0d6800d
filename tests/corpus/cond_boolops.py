class N(object):
    def __init__(self, v, nxt):
        self.v = v
        self.nxt = nxt


def find(node, v):
    while node is not None and node.v != v:
        node = node.nxt
    if node is not None and node.v == v:
        return node.v * 10
    return -1


def entry_point(argv):
    ops = []
    for c in "aabccc":
        if ops and ops[-1][0] == c:
            ops[-1] = (c, ops[-1][1] + 1)
        else:
            ops.append((c, 1))
    print(ops)
    s = ""
    for w in ["", "x", "yy"]:
        if not (w or len(ops) > 5):
            print("neither", repr(w))
        if w and len(w) > 1 or not ops:
            print("long", w)
        t = "t" if w and w[0] == "y" else "f"
        s += t
        print([x for x in ops if x[1] > 1 and x[0] != "c" or not w])
    print(s, not (ops and s))
    lst = N(1, N(2, N(3, None)))
    print(find(lst, 2), find(lst, 5), find(None, 1))
    x = 0
    while x < 10 and not (x > 3 and x % 2 == 1):
        x += 1
    print(x)
    assert ops and len(ops) == 3, "three"
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

# Huffman trees: build with a sorted work list, encode, pack bits, decode.


class Node(object):
    def __init__(self, weight, order):
        self.weight = weight
        self.order = order


class Leaf(Node):
    def __init__(self, weight, order, ch):
        Node.__init__(self, weight, order)
        self.ch = ch


class Pair(Node):
    def __init__(self, weight, order, left, right):
        Node.__init__(self, weight, order)
        self.left = left
        self.right = right


def frequencies(text):
    freq = {}
    for ch in text:
        freq[ch] = freq.get(ch, 0) + 1
    return freq


def build(freq):
    work = []
    order = 0
    for ch, w in sorted(freq.items()):
        work.append(Leaf(w, order, ch))
        order += 1
    while len(work) > 1:
        best = 0
        for i in range(1, len(work)):
            a = work[i]
            b = work[best]
            if (a.weight, a.order) < (b.weight, b.order):
                best = i
        x = work.pop(best)
        best = 0
        for i in range(1, len(work)):
            if (work[i].weight, work[i].order) < (work[best].weight, work[best].order):
                best = i
        y = work.pop(best)
        work.append(Pair(x.weight + y.weight, order, x, y))
        order += 1
    return work[0]


def codes(node, prefix, table):
    if isinstance(node, Leaf):
        table[node.ch] = prefix if prefix else "0"
        return table
    assert isinstance(node, Pair)
    codes(node.left, prefix + "0", table)
    codes(node.right, prefix + "1", table)
    return table


def pack(bits):
    out = []
    for i in range(0, len(bits), 8):
        chunk = bits[i:i + 8]
        chunk = chunk + "0" * (8 - len(chunk))
        out.append(int(chunk, 2))
    return out


def decode(root, bits, n):
    res = []
    node = root
    i = 0
    while len(res) < n:
        if isinstance(node, Leaf):
            res.append(node.ch)
            node = root
            if isinstance(root, Leaf):
                i += 1
            continue
        assert isinstance(node, Pair)
        node = node.left if bits[i] == "0" else node.right
        i += 1
    return "".join(res)


def entry_point(argv):
    for text in ["abracadabra", "mississippi river", "aaaa", "the rain in spain stays mainly"]:
        freq = frequencies(text)
        root = build(freq)
        table = codes(root, "", {})
        bits = "".join([table[c] for c in text])
        packed = pack(bits)
        print(repr(text), "weight", root.weight, "bits", len(bits), "bytes", len(packed))
        for ch, code in sorted(table.items()):
            print("   %r %d %s" % (ch, freq[ch], code))
        print("   hex", "".join(["%02x" % b for b in packed]))
        back = decode(root, bits, len(text))
        print("   ok" if back == text else "   MISMATCH " + back)
        ratio = 100.0 * len(bits) / (8 * len(text))
        print("   ratio %.2f%% %s" % (ratio, ratio))
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(entry_point(sys.argv))

# Module-level tables built by loops at import time, prebuilt instances mutated at run time, dicts keyed by tuples and instances, os.write mixed with print.
import os

OPS = {}
OP_NAMES = []
PRECEDENCE = {}
for _i, _spec in enumerate(["+:1:L", "-:1:L", "*:2:L", "/:2:L", "^:3:R", "%:2:L"]):
    _sym, _prec, _assoc = _spec.split(":")
    OPS[_sym] = _i
    OP_NAMES.append(_sym)
    PRECEDENCE[_sym] = (int(_prec), _assoc == "R")

SQUARES = [_k * _k for _k in range(20)]
PAIRS = {}
for _a in range(4):
    for _b in range(4):
        PAIRS[(_a, _b)] = _a * 4 + _b
TRIANGLE = []
for _row in range(6):
    _line = [1]
    for _c in range(1, _row + 1):
        _line.append(TRIANGLE[_row - 1][_c - 1] + (TRIANGLE[_row - 1][_c] if _c < _row else 0))
    TRIANGLE.append(_line)
HEX = "0123456789abcdef"
HEXVAL = {}
for _j in range(16):
    HEXVAL[HEX[_j]] = _j
    HEXVAL[HEX[_j].upper()] = _j


class Counter(object):
    def __init__(self, name):
        self.name = name
        self.hits = 0
        self.log = []

    def hit(self, why):
        self.hits += 1
        self.log.append(why)


class Node(object):
    def __init__(self, label):
        self.label = label


COUNTERS = [Counter("parse"), Counter("eval"), Counter("print")]
BY_NAME = {}
for _cnt in COUNTERS:
    BY_NAME[_cnt.name] = _cnt
DEFAULT = COUNTERS[0]


def shunting_yard(tokens):
    out = []
    stack = []
    for t in tokens:
        BY_NAME["parse"].hit(t)
        if t in OPS:
            prec, right = PRECEDENCE[t]
            while stack and stack[-1] in OPS:
                top_prec = PRECEDENCE[stack[-1]][0]
                if top_prec > prec or (top_prec == prec and not right):
                    out.append(stack.pop())
                else:
                    break
            stack.append(t)
        elif t == "(":
            stack.append(t)
        elif t == ")":
            while stack and stack[-1] != "(":
                out.append(stack.pop())
            if not stack:
                raise ValueError("unbalanced )")
            stack.pop()
        else:
            out.append(t)
    while stack:
        t = stack.pop()
        if t == "(":
            raise ValueError("unbalanced (")
        out.append(t)
    return out


def parse_hex(s):
    v = 0
    for ch in s:
        if ch not in HEXVAL:
            raise ValueError("bad hex digit %r" % ch)
        v = v * 16 + HEXVAL[ch]
    return v


def entry_point(argv):
    print(OP_NAMES, sorted(PRECEDENCE.items()))
    print(SQUARES[::5], PAIRS[(2, 3)], PAIRS[(3, 0)], len(PAIRS))
    for row in TRIANGLE:
        os.write(1, (" ".join([str(x) for x in row]) + "\n").encode())
    for expr in ["1 + 2 * 3", "( 1 + 2 ) * 3", "2 ^ 3 ^ 2", "a - b - c", "( a + b", "a + b )"]:
        try:
            rpn = shunting_yard(expr.split())
            print("%-14s -> %s" % (expr, " ".join(rpn)))
            BY_NAME["print"].hit(expr)
        except ValueError as e:
            print("%-14s -> error: %s" % (expr, e))
    for h in ["ff", "DeadBeef", "0", "12g"]:
        try:
            print(h, parse_hex(h))
        except ValueError as e:
            print(h, "ValueError:", e)
    DEFAULT.hit("direct")
    for c in COUNTERS:
        print("%-6s %3d  last=%s" % (c.name, c.hits, c.log[-1] if c.log else "-"))
    nodes = [Node("a"), Node("b"), Node("c")]
    weight = {}
    edges = {}
    for i, n in enumerate(nodes):
        weight[n] = i * 10
        for m in nodes:
            if m is not n:
                edges[(n.label, m.label)] = len(n.label + m.label) + i
    other = Node("a")
    print(weight[nodes[1]], other in weight, nodes[0] in weight, len(edges), edges[("c", "a")])
    del weight[nodes[0]]
    print(sorted([n.label for n in weight.keys()]), sorted(edges.keys())[:3])
    os.write(1, b"done\n")
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

# isinstance(x, int/bool/float/str/bytes/list/dict/tuple) in ordinary code:
# the annotation of x decides the test.


class Node(object):
    def __init__(self, v):
        self.v = v


def describe_int(n):
    if isinstance(n, int):
        return "int %d" % n
    return "not an int"


def describe_str(s):
    if isinstance(s, str):
        return "str " + s
    return "never"


def kinds(x):
    out = []
    if isinstance(x, float):
        out.append("float")
    if isinstance(x, list):
        out.append("list")
    if not isinstance(x, str):
        out.append("not str")
    return ",".join(out)


def entry_point(argv):
    print(describe_int(len(argv) + 41))
    print(describe_str("abc"))
    print(kinds(1.5))
    print(isinstance(True, int), isinstance(3, bool), isinstance(False, bool), isinstance(3.5, bool))
    print(isinstance(2.0, int), isinstance(7, float))
    print(isinstance([1, 2], list), isinstance({"a": 1}, dict), isinstance((1, "a"), tuple))
    print(isinstance(b"xy", bytes), isinstance(b"xy", str), isinstance("xy", bytes))
    node = Node(3)
    print(isinstance(node, int), isinstance(node, str), isinstance(node, Node))
    x = 10
    while isinstance(x, int) and x > 7:
        x -= 1
    print(x)
    print(isinstance(x, (str, int)), isinstance("s", (list, float)))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

from rpython.rlib.objectmodel import specialize


class Node(object):
    def __init__(self, name):
        self.name = name


class Leaf(Node):
    def __init__(self, name, value):
        Node.__init__(self, name)
        self.value = value


class Tag(object):
    def __init__(self, label):
        self.label = label


@specialize.argtype(0)
def render(x):
    # Each graph keeps only the branch its argument's type selects, so the
    # branches may use operations that only make sense for that type.
    if isinstance(x, bool):
        return "yes" if x else "no"
    elif isinstance(x, int):
        return "%d (int)" % x
    elif isinstance(x, float):
        return "%.2f (float)" % x
    elif isinstance(x, str):
        return x.upper() + " (str)"
    elif isinstance(x, Leaf):
        return "leaf %s=%d" % (x.name, x.value)
    elif isinstance(x, Tag):
        return "tag " + x.label
    return "?"


@specialize.argtype(0)
def to_int(x):
    if isinstance(x, (int, float)):
        return int(x)
    return len(x)


@specialize.argtype(0)
def shout(x):
    if x is None:
        return "(nothing)"
    return x.upper() + "!"


def entry_point(argv):
    n = len(argv)
    print(render(n + 41))
    print(render(n > 0))
    print(render(0.125 * n))
    print(render("abc"))
    print(render(Leaf("k", 7)))
    print(render(Tag("t")))
    print(to_int(7), to_int(2.75), to_int("four"))
    print(shout(None), shout("hey"))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

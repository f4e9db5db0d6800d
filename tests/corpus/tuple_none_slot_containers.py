# Tuples of another layout (a None slot widened to an instance) stored in
# attributes, dicts, lists and nested tuples are converted on the way in.
class Env(object):
    def __init__(self, name):
        self.name = name


class Holder(object):
    def __init__(self):
        self.pair = (None, 0)


def entry_point(argv):
    h = Holder()
    print(h.pair[0] is None, h.pair[1])
    h.pair = (Env("x"), 5)
    print(h.pair[0].name, h.pair[1])
    d = {}
    d["a"] = (None, 1)
    d["b"] = (Env("y"), 2)
    for k in ["a", "b"]:
        e, n = d[k]
        print(k, e is None, n)
    lst = [(None, 3)]
    lst.append((Env("z"), 4))
    lst[0] = (None, 7)
    for e, n in lst:
        print(e is None, n)
    t = (1, (None, 2))
    t2 = (2, (Env("w"), 3))
    both = [t, t2]
    print(both[0][1][0] is None, both[1][1][0].name, both[1][1][1])
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

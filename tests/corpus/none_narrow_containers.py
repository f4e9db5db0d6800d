# None-able dicts, lists and strs narrow on `is None`, `is not None` and
# truth tests, as instances do (issue 10 item 8).


class Env(object):
    def __init__(self, parent):
        self.parent = parent
        self.vars = None
        self.stack = None
        self.name = None

    def define(self, k, v):
        if self.vars is None:
            self.vars = {}
        self.vars[k] = v

    def lookup(self, k):
        e = self
        while e is not None:
            d = e.vars
            if d is not None and k in d:
                return d[k]
            e = e.parent
        return -1

    def push(self, x):
        st = self.stack
        if not st:
            st = []
            self.stack = st
        st.append(x)

    def depth(self):
        st = self.stack
        if st:
            return len(st)
        return 0

    def label(self):
        n = self.name
        if n:
            return n.upper()
        return "anon"


def find(items, x):
    if items is None:
        return -2
    for i in range(len(items)):
        if items[i] == x:
            return i
    return -1


def maybe_list(n):
    if n > 2:
        return [n, n + 1]
    return None


def maybe_dict(n):
    if n > 2:
        return {"n": n}
    return None


def entry_point(argv):
    g = Env(None)
    g.define("a", 1)
    l = Env(g)
    l.define("b", 2)
    print(l.lookup("a"), l.lookup("b"), l.lookup("c"))
    print(g.depth())
    g.push(3)
    g.push(4)
    print(g.depth())
    print(l.label())
    l.name = "local"
    print(l.label())
    for n in range(5):
        xs = maybe_list(n)
        print(find(xs, 4))
        if xs is not None:
            xs.append(0)
            print(len(xs), xs[-1])
        d = maybe_dict(n)
        if d:
            print(d["n"], len(d))
        if d is None:
            print("no dict")
        else:
            d["m"] = 1
            print(sorted(d.keys()))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

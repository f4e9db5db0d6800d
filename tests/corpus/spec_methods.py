from rpython.rlib.objectmodel import specialize


class Printer(object):
    def __init__(self, prefix):
        self.prefix = prefix
        self.count = 0

    @specialize.argtype(1)
    def show(self, x):
        self.count += 1
        return self.prefix + str(x)

    @specialize.arg(1)
    def fmt(self, upper, text):
        if upper:
            return self.prefix + text.upper()
        return self.prefix + text


class Loud(Printer):
    def __init__(self):
        Printer.__init__(self, "! ")


class Cell(object):
    def __init__(self, v):
        self.v = v

    def size(self):
        return self.v


class Text(object):
    def __init__(self, s):
        self.s = s

    def size(self):
        return len(self.s)


class Acc(object):
    def __init__(self):
        self.total = 0

    @specialize.argtype(1)
    def add(self, item):
        # Cell and Text share no base: one graph per class.
        self.total += item.size()
        return self


def entry_point(argv):
    p = Printer("> ")
    print(p.show(1), p.show(2.5), p.show("x"), p.show(True))
    print(p.fmt(True, "abc"), p.fmt(False, "abc"))
    l = Loud()
    print(l.show(7), l.fmt(True, "hi"), p.count, l.count)
    a = Acc()
    a.add(Cell(3)).add(Text("four")).add(Cell(5))
    print(a.total)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

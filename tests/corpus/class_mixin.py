class ReprMixin(object):
    _mixin_ = True

    def label(self):
        return "<" + self.kind() + " " + str(self.size()) + ">"


class Item(object):
    def kind(self):
        return "item"

    def size(self):
        return 0


class Box(ReprMixin, Item):
    def __init__(self, n):
        self.n = n

    def kind(self):
        return "box"

    def size(self):
        return self.n


class Bag(ReprMixin, Item):
    def __init__(self, w):
        self.w = w

    def size(self):
        return self.w * 2


def entry_point(argv):
    b = Box(3)
    g = Bag(4)
    print(b.label())
    print(g.label())
    items = 0
    for i in range(3):
        if i == 1:
            x = Bag(i)
        else:
            x = Box(i)
        print(x.label(), x.size())
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

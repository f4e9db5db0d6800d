class K(object):
    def __init__(self, name):
        self.name = name


class Base(object):
    def getk(self):
        return None


class Sub(Base):
    def __init__(self, k):
        self.k = k

    def getk(self):
        return self.k


def describe(b):
    k = b.getk()
    if k is None:
        return "none"
    return k.name


def entry_point(argv):
    items = [Base(), Sub(K("k1"))]
    for b in items:
        print(describe(b))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

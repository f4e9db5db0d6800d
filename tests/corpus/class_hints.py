class Vec(object):
    _immutable_fields_ = ['x', 'y']

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def add(self, other):
        return Vec(self.x + other.x, self.y + other.y)

    def dot(self, other):
        return self.x * other.x + self.y * other.y


class Frozen(object):
    _immutable_ = True

    def __init__(self, name):
        self.name = name


class Slots(object):
    _attrs_ = ['a', 'b']

    def __init__(self):
        self.a = 1
        self.b = 2


def entry_point(argv):
    v = Vec(1, 2)
    w = Vec(3, 4)
    s = v.add(w)
    print(s.x, s.y, v.dot(w))
    f = Frozen("ice")
    print(f.name)
    sl = Slots()
    sl.a += 10
    print(sl.a, sl.b)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

from rpython.rlib.objectmodel import specialize


class Point(object):
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm1(self):
        return abs(self.x) + abs(self.y)

    def show(self):
        return "Point(%d, %d)" % (self.x, self.y)


class Word(object):
    def __init__(self, text):
        self.text = text

    def norm1(self):
        return len(self.text)

    def show(self):
        return "Word(%s)" % self.text


@specialize.argtype(0)
def describe(obj):
    # Point and Word share no base class: without specialisation obj
    # would need one type for both.
    return "%s has size %d" % (obj.show(), obj.norm1())


@specialize.argtype(0)
def scaled(v, k):
    return v * k


@specialize.argtype(0)
def largest(a, b, c):
    m = a
    if b > m:
        m = b
    if c > m:
        m = c
    return m


@specialize.argtype(1)
def tagged(tag, value):
    return tag + ":" + str(value)


def entry_point(argv):
    print(describe(Point(3, -4)))
    print(describe(Word("hello")))
    print(describe(Point(0, 7)))
    print(scaled(7, 3), scaled(2.5, 4), scaled("ab", 3))
    print(largest(3, 9, 4), largest(1.5, -2.0, 0.25), largest("pear", "apple", "plum"))
    print(tagged("i", 42), tagged("f", 0.5), tagged("s", "x"), tagged("b", True))
    n = len(argv)
    print(scaled(n, 10), scaled(float(n), 0.5))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

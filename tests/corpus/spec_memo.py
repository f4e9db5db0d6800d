from rpython.rlib.objectmodel import specialize


class Shape(object):
    sides = 0
    label = "shape"


class Triangle(Shape):
    sides = 3
    label = "triangle"


class Square(Shape):
    sides = 4
    label = "square"


class Config(object):
    def __init__(self, name, level):
        self.name = name
        self.level = level


DEBUG = Config("debug", 3)
QUIET = Config("quiet", 0)
CONFIGS = {"debug": DEBUG, "quiet": QUIET}


@specialize.memo()
def table_size():
    n = 1
    while n < 1000:
        n *= 2
    return n


@specialize.memo()
def describe_class(cls):
    # Runs at translation time, once per class.
    return "%s with %d sides" % (cls.label, cls.sides)


@specialize.memo()
def config_named(name):
    return CONFIGS[name]


@specialize.memo()
def powers(base, count):
    result = ()
    x = 1
    for i in range(count):
        result = result + (x,)
        x *= base
    return result


def entry_point(argv):
    print(table_size())
    print(describe_class(Triangle))
    print(describe_class(Square))
    print(describe_class(Triangle))
    c = config_named("debug")
    print(c.name, c.level)
    q = config_named("quiet")
    print(q.name, q.level, q is QUIET, c is q)
    p = powers(3, 4)
    print(p[0], p[1], p[2], p[3], len(p))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

# A method that only some classes of the family define, called on a
# base-class receiver: the classes that have it run it (also inlined at
# -O2); the others stop with CPython's AttributeError (exit status 1),
# never run another class's method on the wrong layout.


class Base(object):
    pass


class Sub(Base):
    def __init__(self, x):
        self.x = x

    def getx(self):
        return self.x


class SubSub(Sub):
    def getx(self):
        return self.x * 10


class Other(Base):
    def __init__(self, y):
        self.y = y


def run(b):
    return b.getx()


def entry_point(argv):
    items = [Sub(1), SubSub(2), Other(3)]
    print(run(items[0]), run(items[1]), items[2].y)
    print(run(items[2]))
    print("not reached")
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(entry_point(sys.argv))

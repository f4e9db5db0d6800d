class DescribeMixin(object):
    _mixin_ = True

    def describe(self):
        return self.name() + "=" + str(self.value())

    def twice(self):
        return self.value() * 2

    def bump(self, k):
        self.count += k
        return self.count


class CounterMixin(object):
    _mixin_ = True

    def tick(self):
        self.bump(1)
        return self.twice()


class Point(DescribeMixin, CounterMixin):
    def __init__(self, x, y):
        self.x = x
        self.y = y
        self.count = 0

    def name(self):
        return "point"

    def value(self):
        return self.x * 10 + self.y


class Word(CounterMixin, DescribeMixin):
    def __init__(self, s):
        self.s = s
        self.count = 100

    def name(self):
        return "word:" + self.s

    def value(self):
        return len(self.s)


class Base(object):
    def name(self):
        return "base"

    def value(self):
        return 1


class Derived(DescribeMixin, Base):
    def __init__(self):
        self.count = 0


class Derived2(Derived):
    def value(self):
        return 7


def entry_point(argv):
    p = Point(3, 4)
    w = Word("hello")
    print(p.describe(), w.describe())
    print(p.twice(), w.twice())
    print(p.tick(), w.tick(), p.tick())
    print(p.bump(5), w.bump(-50), p.count, w.count)
    items = [Derived(), Derived2()]
    for it in items:
        print(it.describe(), it.twice(), it.bump(2))
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(entry_point(sys.argv))

class Counter(object):
    def __init__(self, name):
        self.name = name
        self.count = 0

    def bump(self, n):
        self.count += n
        return self.count


GLOBAL = Counter("global")
OTHER = Counter("other")
OTHER.count = 10


def work(c, k):
    for i in range(k):
        c.bump(i)
    return c.count


def entry_point(argv):
    print(GLOBAL.name, GLOBAL.count)
    print(work(GLOBAL, 5))
    print(work(GLOBAL, 3))
    print(OTHER.name, work(OTHER, 4))
    print(GLOBAL.count + OTHER.count)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

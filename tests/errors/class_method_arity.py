# error: 9:5: takes 2 positional arguments but 3 were given
class Counter(object):
    def add(self, n):
        return n


def entry_point(argv):
    c = Counter()
    c.add(1, 2)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

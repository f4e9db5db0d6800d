# error: 11:12: no attribute 'y'
class Point(object):
    def __init__(self, x):
        self.x = x


def entry_point(argv):
    p = Point(1)
    print(p.x)
    # y is never assigned anywhere
    return p.y


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

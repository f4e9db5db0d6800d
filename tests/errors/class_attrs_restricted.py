# error: 6:9: _attrs_
class Point(object):
    _attrs_ = ['x']
    def __init__(self, x):
        self.x = x
        self.y = x


def entry_point(argv):
    p = Point(1)
    print(p.x)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

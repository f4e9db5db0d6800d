class Shape(object):
    def area(self):
        return 0


class Square(Shape):
    def __init__(self, s):
        self.s = s

    def area(self):
        return self.s * self.s


def find(shapes, limit):
    for sh in shapes:
        if sh.area() > limit:
            return sh
    return None


def entry_point(argv):
    shapes = [Square(1), Square(3), Shape(), Square(5)]
    big = find(shapes, 5)
    print("found", big.area())
    huge = find(shapes, 100)
    print("about to call")
    print("huge", huge.area())
    print("not reached")
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(entry_point(sys.argv))

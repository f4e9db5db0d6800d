class Shape(object):
    def area(self):
        return 0

    def name(self):
        return "shape"

    def describe(self):
        return self.name() + " " + str(self.area())


class Square(Shape):
    def __init__(self, side):
        self.side = side

    def area(self):
        return self.side * self.side

    def name(self):
        return "square"


class Rect(Shape):
    def __init__(self, w, h):
        self.w = w
        self.h = h

    def area(self):
        return self.w * self.h


class Cube(Square):
    def name(self):
        return "cube"

    def area(self):
        return 6 * self.side * self.side


def make(i):
    if i % 4 == 0:
        return Square(i)
    elif i % 4 == 1:
        return Rect(i, i + 1)
    elif i % 4 == 2:
        return Cube(i)
    return Shape()


def entry_point(argv):
    total = 0
    for i in range(10):
        s = make(i)
        print(s.describe())
        total += s.area()
    print("total", total)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

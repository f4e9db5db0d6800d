# super(C, self) written out, super() reaching a method through a
# _mixin_ class, and super() from a method inherited by a subclass (the
# defining class decides where the lookup starts).
class CountMixin(object):
    _mixin_ = True

    def bump(self):
        self.count += 1
        return self.count


class Shape(object):
    def __init__(self, sides):
        self.sides = sides
        self.count = 0

    def area(self):
        return 0

    def bump(self):
        self.count += 100
        return self.count

    def name(self):
        return "shape"


class Square(CountMixin, Shape):
    def __init__(self, side):
        super(Square, self).__init__(4)
        self.side = side

    def area(self):
        return self.side * self.side + super(Square, self).area()

    def bump(self):
        return super().bump() * 10

    def name(self):
        return "square/" + super().name()


class Tile(Square):
    def area(self):
        return super().area() + 1


def entry_point(argv):
    shapes = [Shape(3), Square(3), Tile(2)]
    for s in shapes:
        print(s.name(), s.sides, s.area(), s.bump(), s.bump())
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(entry_point(sys.argv))

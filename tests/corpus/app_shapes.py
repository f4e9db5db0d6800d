import math


class Shape(object):
    name = "shape"

    def area(self):
        return 0.0

    def perimeter(self):
        return 0.0

    def scale(self, k):
        pass

    def describe(self):
        return "%-9s area=%9.3f perim=%8.3f" % (self.name, self.area(), self.perimeter())


class Circle(Shape):
    name = "circle"

    def __init__(self, r):
        self.r = r

    def area(self):
        return math.pi * self.r * self.r

    def perimeter(self):
        return 2 * math.pi * self.r

    def scale(self, k):
        self.r *= k


class Rect(Shape):
    name = "rect"

    def __init__(self, w, h):
        self.w = w
        self.h = h

    def area(self):
        return self.w * self.h

    def perimeter(self):
        return 2.0 * (self.w + self.h)

    def scale(self, k):
        self.w *= k
        self.h *= k


class Square(Rect):
    name = "square"

    def __init__(self, s):
        Rect.__init__(self, s, s)


class Triangle(Shape):
    name = "triangle"

    def __init__(self, a, b, c):
        if a + b <= c or a + c <= b or b + c <= a:
            raise ValueError("invalid triangle %g %g %g" % (a, b, c))
        self.a = a
        self.b = b
        self.c = c

    def area(self):
        s = (self.a + self.b + self.c) / 2.0
        return math.sqrt(s * (s - self.a) * (s - self.b) * (s - self.c))

    def perimeter(self):
        return self.a + self.b + self.c

    def scale(self, k):
        self.a *= k
        self.b *= k
        self.c *= k


def largest(shapes):
    best = None
    for s in shapes:
        if best is None or s.area() > best.area():
            best = s
    return best


def entry_point(argv):
    shapes = [Circle(1.0), Rect(2.0, 3.5), Square(1.5), Triangle(3.0, 4.0, 5.0), Circle(0.25)]
    try:
        shapes.append(Triangle(1.0, 2.0, 10.0))
    except ValueError as e:
        print("skipped:", e)
    for s in shapes:
        print(s.describe())
    total = 0.0
    for s in shapes:
        total += s.area()
    print("total area %.4f" % total)
    b = largest(shapes)
    if b is not None:
        print("largest:", b.name, "%.2f" % b.area())
    for s in shapes:
        s.scale(2.0)
    print("after scaling:")
    for s in shapes:
        print(s.describe())
    counts = {}
    for s in shapes:
        counts[s.name] = counts.get(s.name, 0) + 1
    print(counts)
    squares = [s for s in shapes if isinstance(s, Square)]
    rects = [s for s in shapes if isinstance(s, Rect)]
    print(len(squares), len(rects))
    ratios = []
    for s in shapes:
        ratios.append(s.area() / s.perimeter())
    print(["%.3f" % r for r in ratios])
    print(f"{math.sqrt(2):.10f} {math.floor(-2.5)} {math.ceil(2.1)} {math.fabs(-3.0)} {math.hypot(3.0, 4.0)}")
    print(f"{1e-5:g} {123456789.0:g} {0.5:.0f} {1.5:.0f} {2.5:.0f} {-0.0:.1f} {100.0:e}")
    print(str(1e16), str(123456789012.0), repr(0.1 * 3), 1.0 / 3.0 * 3.0 == 1.0)
    print(int(3.99), int(-3.99), float(7), float("2.5e3"), float(" -1.25 "))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

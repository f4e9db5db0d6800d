class Point(object):
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm1(self):
        return abs(self.x) + abs(self.y)

    def move(self, dx, dy):
        self.x += dx
        self.y += dy


def entry_point(argv):
    p = Point(3, -4)
    print(p.x, p.y, p.norm1())
    p.move(1, 1)
    print(p.x, p.y, p.norm1())
    q = p
    q.x = 100
    print(p.x, q is p, p == q)
    r = Point(0, 0)
    print(r is p, r != p)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

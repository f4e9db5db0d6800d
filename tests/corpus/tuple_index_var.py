# A tuple whose items share one type may be indexed by a variable (RPython's homogeneous tuples).

DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
NAMES = ("zero", "one", "two")
BOOLS = (True, False, True)
FLOATS = (0.5, 2.0, 1.25)


class Shape(object):
    def area(self):
        return 0


class Sq(Shape):
    def __init__(self, s):
        self.s = s

    def area(self):
        return self.s * self.s


class Rect(Shape):
    def __init__(self, w, h):
        self.w = w
        self.h = h

    def area(self):
        return self.w * self.h


def pick(t, i):
    return t[i]


def entry_point(argv):
    total = 0
    for m in range(12):
        total += DAYS[m]
    print("days", total, DAYS[len(argv) - 2], DAYS[-len(argv)])
    for i in range(-3, 3):
        print(i, NAMES[i], BOOLS[i], FLOATS[i])
    pair = (Sq(3), Rect(2, 5))
    for i in range(2):
        print("area", pair[i].area())
    local = (len(argv) * 10, 7, -1)
    k = 0
    while k < 3:
        print("local", local[k], pick(local, 2 - k))
        k += 1
    for bad in [3, -4, 100]:
        try:
            print(NAMES[bad])
        except IndexError as e:
            print("IndexError:", e)
    print(DAYS[12 + len(argv)])
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

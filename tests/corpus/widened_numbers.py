# An int that meets a float (a bool that meets an int) is widened, as in
# RPython; arithmetic and float formats are unaffected, and explicit
# float(...)/int(...) make the text the same as CPython's.


class Thing(object):
    def __init__(self, flag):
        self.flag = flag


def show(x):
    print(x, str(x), repr(x), "%s" % (x,), f"{x}")


def scale(x, k):
    return x * k + 1


def pick(n):
    if n > 3:
        return n / 2
    return n


def entry_point(argv):
    n = len(argv)
    show(float(716))
    show(1.5)
    print("%.1f %.1f" % (scale(3, 2), scale(2.5, 2)), int(scale(3, 2)))
    y = pick(n)
    print("%d %.1f %5.2f %e" % (y, y, y, y), f"{y:.3f} {y:g}")
    print(float(y), int(y), y * 0.5, y / 2)
    a = Thing(int(0))
    b = Thing(int(n > 0))
    print(a.flag, b.flag, a.flag + b.flag)
    c = n > 0
    d = n > 5
    print(c & d, c | d, c ^ d)
    total = 0
    for v in [0.5, 1.25]:
        total += v
    print("%.2f" % total)
    vals = [1.0, 2.5]
    vals.append(4)
    print("%.1f %.1f" % (sum(vals), max(vals)))
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(entry_point(sys.argv))

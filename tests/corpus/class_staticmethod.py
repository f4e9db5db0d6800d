class MathUtil(object):
    @staticmethod
    def square(x):
        return x * x

    @staticmethod
    def clamp(x, lo, hi):
        if x < lo:
            return lo
        if x > hi:
            return hi
        return x


class Scaler(object):
    def __init__(self, k):
        self.k = k

    def apply(self, x):
        return MathUtil.clamp(self.k * MathUtil.square(x), 0, 100)


def entry_point(argv):
    s = Scaler(3)
    for i in range(8):
        print(i, s.apply(i), MathUtil.square(i))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

class Config(object):
    def __init__(self, n):
        if n <= 0:
            raise ValueError("bad size %d" % n)
        self.n = n

    def half(self):
        if self.n % 2:
            raise ArithmeticError("odd")
        return self.n // 2


class Big(Config):
    def __init__(self, n):
        Config.__init__(self, n)
        if n > 100:
            raise OverflowError("too big")


def make(n):
    try:
        c = Big(n)
    except ValueError as e:
        print("value error:", e)
        return None
    except OverflowError:
        print("overflow for", n)
        return None
    return c


def entry_point(argv):
    try:
        Config(0)
    except ValueError as e:
        print("error:", e)
    for n in [-1, 4, 7, 1000]:
        c = make(n)
        if c is None:
            continue
        try:
            h = float(c.half())
            print(n, "half", h)
        except ArithmeticError as e:
            print(n, "arith:", e)
    errors = []
    for k in range(-2, 3):
        try:
            errors.append(Config(k).n)
        except ValueError as e:
            errors.append(-100)
    print(errors)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

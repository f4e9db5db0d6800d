class Value(object):
    def as_int(self):
        return 0

    def is_true(self):
        return self.as_int() != 0


class IntValue(Value):
    def __init__(self, v):
        self.v = v

    def as_int(self):
        return self.v


class BoolValue(Value):
    def __init__(self, b):
        self.b = b

    def as_int(self):
        if self.b:
            return 1
        return 0


class StrValue(Value):
    def __init__(self, s):
        self.s = s

    def as_int(self):
        return len(self.s)

    def is_true(self):
        return self.s != ""


def make(i):
    if i % 3 == 0:
        return IntValue(i - 4)
    if i % 3 == 1:
        return BoolValue(i > 5)
    return StrValue("x" * (i % 4))


def entry_point(argv):
    total = 0
    trues = 0
    for i in range(12):
        v = make(i)
        total += v.as_int()
        if v.is_true():
            trues += 1
    print(total, trues)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

from rpython.rlib.objectmodel import specialize


class Num(object):
    def __init__(self, v):
        self.v = v

    def size(self):
        return self.v


class Text(object):
    def __init__(self, s):
        self.s = s

    def size(self):
        return len(self.s)


class Codec(object):
    @staticmethod
    @specialize.argtype(0)
    def encode(x):
        return "[" + str(x) + "]"

    @staticmethod
    @specialize.arg(0)
    def pick(which, a, b):
        if which == 0:
            return a
        return b

    @staticmethod
    @specialize.argtype(0)
    def weight(obj):
        # Num and Text are unrelated: one graph per class.
        return obj.size()


def entry_point(argv):
    print(Codec.encode(12), Codec.encode(0.5), Codec.encode("z"), Codec.encode(False))
    print(Codec.pick(0, 1, "one"), Codec.pick(1, 1, "one"))
    print(Codec.weight(Num(41)) + Codec.weight(Text("abc")))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

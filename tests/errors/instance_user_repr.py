# error: 16:14: would call Base.__repr__
class Base(object):
    def __init__(self, v):
        self.v = v

    def __repr__(self):
        return "Base(%d)" % self.v


class Derived(Base):
    pass


def entry_point(argv):
    d = Derived(len(argv))
    print(f"{d}")
    return 0

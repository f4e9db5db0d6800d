# error: 8:9: super().__init__() takes no arguments here
class Base(object):
    pass


class Child(Base):
    def __init__(self, x):
        super().__init__(x)
        self.x = x


def entry_point(argv):
    print(Child(1).x)
    return 0

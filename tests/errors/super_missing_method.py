# error: 8:16: no base class of Child defines 'size'
class Base(object):
    pass


class Child(Base):
    def size(self):
        return super().size() + 1


def entry_point(argv):
    print(Child().size())
    return 0

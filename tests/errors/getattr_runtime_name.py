# error: 10:22: expected a constant attribute name in getattr()
class A(object):
    def __init__(self):
        self.x = 1
        self.y = 2


def entry_point(argv):
    a = A()
    print(getattr(a, argv[0]))
    return 0

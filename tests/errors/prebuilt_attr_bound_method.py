# error: 22:11: attribute 'f' of a prebuilt Box instance holds a bound method
# A prebuilt instance's attribute holding a bound method cannot be
# represented at run time: refused where it is read, not run as dead code.
class Counter(object):
    def __init__(self):
        self.n = 0

    def bump(self):
        self.n += 1
        return self.n


class Box(object):
    def __init__(self, c):
        self.f = c.bump


B = Box(Counter())


def entry_point(argv):
    print(B.f())
    return 0

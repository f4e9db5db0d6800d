# error: 12:5: print() of an int that is a bool on some paths
# error: 14:5: print() of an int that is a bool on some paths
# error: 13:9: a bool comes from here; write int(...)
# The attribute is 0 in one place and a bool in another: CPython prints True.
class Thing(object):
    def __init__(self, flag):
        self.flag = flag


def entry_point(argv):
    a = Thing(0)
    print(a.flag)
    b = Thing(len(argv) > 0)
    print(b.flag)
    return 0

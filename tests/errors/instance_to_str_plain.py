# error: 8:11: RPython gives instances no text
class Point(object):
    def __init__(self, x):
        self.x = x


def entry_point(argv):
    print("%s" % Point(1))
    return 0

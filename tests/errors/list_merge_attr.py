# error: 7:9: attribute Box.items is list of str here but list of int elsewhere
class Box(object):
    def __init__(self):
        self.items = [1]

    def reset(self):
        self.items = ["none"]


def entry_point(argv):
    b = Box()
    b.reset()
    print(len(b.items))
    return 0

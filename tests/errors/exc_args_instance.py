# error: 9:11: the arguments of ValueError() become its message
class Node(object):
    def __init__(self, v):
        self.v = v


def entry_point(argv):
    n = Node(len(argv))
    raise ValueError("bad node", n)


if __name__ == "__main__":
    import sys

    sys.exit(entry_point(sys.argv))

# error: 8:9: missing 1 required positional argument
class Pair(object):
    def __init__(self, a, b):
        self.a = a
        self.b = b

def entry_point(argv):
    p = Pair(1)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

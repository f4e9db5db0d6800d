# error: 9:5: attribute Box.value
class Box(object):
    def __init__(self):
        self.value = 1


def entry_point(argv):
    b = Box()
    b.value = "one"
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

# error: 7:9: takes no arguments
class Empty(object):
    pass


def entry_point(argv):
    e = Empty(1)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

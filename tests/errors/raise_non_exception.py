# error: 7:5: exception
class NotAnError(object):
    pass


def entry_point(argv):
    raise NotAnError()
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

# error: 14:9: type conflict
class A(object):
    pass


class B(object):
    pass


def entry_point(argv):
    if len(argv) > 1:
        x = A()
    else:
        x = B()
    print(x is None)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

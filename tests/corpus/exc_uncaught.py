class Fatal(Exception):
    def __init__(self, code):
        Exception.__init__(self, "fatal code " + str(code))
        self.code = code


def deep(n):
    if n == 0:
        raise Fatal(7)
    return deep(n - 1) + 1


def entry_point(argv):
    print("before")
    try:
        deep(3)
    except ValueError:
        print("not here")
    print("after")
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

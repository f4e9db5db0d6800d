class ParseError(Exception):
    def __init__(self, msg, line, col):
        Exception.__init__(self, msg, line, col)
        self.msg = msg


class OpError(Exception):
    pass


class BinOpError(OpError):
    def __init__(self, op, left, right):
        OpError.__init__(self, op, left, right)


class NoArgs(Exception):
    def __init__(self):
        Exception.__init__(self)
        self.flag = True


def parse(s):
    if s == "":
        raise ParseError("empty input", 1, 0)
    if s[0] == "!":
        raise ParseError("unexpected '!'", 1, 1)
    return len(s)


def fail(n):
    if n == 0:
        raise OpError("add", 1, 2)
    if n == 1:
        raise BinOpError("sub", 5, 6)
    raise NoArgs()


def entry_point(argv):
    for s in ["abc", "", "!x"]:
        try:
            print(parse(s))
        except ParseError as e:
            print(e.args)
            print(e.args[0], e.args[1] + e.args[2], len(e.args))
            print(repr(e))
            print(str(e), e.msg)
            msg, line, col = e.args
            print("%s at %d:%d" % (msg, line, col))
    for n in range(3):
        try:
            fail(n)
        except OpError as e:
            print(repr(e), e.args, e)
            name, a, b = e.args
            print(name, a + b)
        except NoArgs as e:
            print(repr(e), e.args, "[" + str(e) + "]", e.flag)
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(entry_point(sys.argv))

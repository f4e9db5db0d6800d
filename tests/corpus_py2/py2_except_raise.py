# Python 2 exception syntax: `except E, e`, `except (A, B), e`,
# `raise E, value` and `raise E, (a, b)`.
import sys


class InterpError(Exception):
    pass


class StackUnderflow(InterpError):
    def __init__(self, where, depth):
        InterpError.__init__(self)
        self.where = where
        self.depth = depth


def pop(stack, where):
    if not stack:
        raise StackUnderflow, (where, len(stack))
    return stack.pop()


def parse_int(s):
    if not s.isdigit():
        raise ValueError, "not a number: " + s
    return int(s)


def entry_point(argv):
    try:
        parse_int("12x")
    except ValueError, e:
        print "caught:", str(e)
    try:
        pop([], "add")
    except StackUnderflow, e:
        print "underflow in", e.where, "at depth", e.depth
    for text in ["7", "x", "9"]:
        try:
            print parse_int(text) * 2
        except (KeyError, ValueError), e:
            print "bad input", text
    try:
        raise InterpError, "plain"
    except InterpError, e:
        print "interp error:", e
    return 0


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))

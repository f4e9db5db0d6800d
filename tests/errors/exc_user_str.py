# error: 15:15: RPython does not call __str__ implicitly
class LexError(Exception):
    def __init__(self, line, msg):
        self.line = line
        self.msg = msg

    def __str__(self):
        return "line %d: %s" % (self.line, self.msg)


def entry_point(argv):
    try:
        raise LexError(3, "bad")
    except LexError as e:
        print(str(e))
    return 0

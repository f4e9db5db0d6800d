# String builders made at translation time (by the __init__ of a prebuilt
# instance, or at module level) keep their text and grow at run time.
from rpython.rlib.rstring import StringBuilder


class Output(object):
    def __init__(self):
        self.sb = StringBuilder()
        self.lines = 0

    def write(self, s):
        self.sb.append(s)

    def line(self, s):
        self.write(s)
        self.write("\n")
        self.lines += 1


OUT = Output()
LOG = StringBuilder()
LOG.append("log:")
SHARED = StringBuilder(32)
SHARED.append("<")


class Holder(object):
    def __init__(self, sb):
        self.sb = sb


H1 = Holder(SHARED)
H2 = Holder(SHARED)


def entry_point(argv):
    OUT.write("hello ")
    OUT.sb.append("world")
    print(OUT.sb.build())
    for i in range(200):
        OUT.line("line %d" % i)
    text = OUT.sb.build()
    print(len(text), OUT.lines, OUT.sb.getlength())
    print(text[-20:])
    LOG.append(" one")
    LOG.append_multiple_char("!", 3)
    print(LOG.build())
    H1.sb.append("a")
    H2.sb.append("b")
    print(SHARED.build(), H1.sb.getlength())
    local = Output()
    local.line("fresh")
    print(local.sb.build() + OUT.sb.build()[:5])
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(entry_point(sys.argv))

# The py2 print statement: items separated by spaces, a trailing comma
# leaves the line open (softspace), `print` alone ends a line, `>>` writes
# to stderr, and floats print with str()'s 12 significant digits.
import sys


class Point(object):
    def __init__(self, x, y):
        self.x = x
        self.y = y


def show(p):
    print "Point", p.x, p.y


def entry_point(argv):
    print "hello", "world"
    print 1, -2, 3.5, True, None
    print "open",
    print "closed"
    print "no space after a tab\t",
    print "here"
    print "newline ends\n",
    print "fresh line"
    for i in range(5):
        print i,
    print
    print
    print 1.0 / 3, 2.0 / 3, 1e16, 1e-5, 123456789012.5, 100.0, -0.0
    print repr(1.0 / 3), str(1.0 / 3), str(2.5), repr(1e22)
    x = 0.1 + 0.2
    print x, repr(x), [x], (x, 1)
    print "pi is about", 355.0 / 113
    print "%s and %r" % (x, x), "%s" % (1.0 / 3)
    print [1, 2], "after a list"
    print (1 + 2), "after parentheses"
    print [x],
    print "after a list and comma"
    print >>sys.stderr, "a diagnostic", 42
    print >>sys.stdout, "explicit stdout",
    print "continued"
    print("parenthesised")
    print("a", 1)
    show(Point(3, 4))
    s = "abc"
    print s, s[1], s[-1:], len(s)
    print "trailing",
    return 0


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))

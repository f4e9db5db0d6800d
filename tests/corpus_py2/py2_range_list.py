# In Python 2, range() builds a list: a module-level one is a prebuilt
# list at run time (richards' `BUFSIZE_RANGE = range(BUFSIZE)`), while
# range and xrange in functions loop as usual.
import sys

BUFSIZE = 4
BUFSIZE_RANGE = range(BUFSIZE)
EVENS = range(0, 10, 2)
EVENS.append(100)


def fill():
    buf = []
    for i in BUFSIZE_RANGE:
        buf.append(i * i)
    return buf


def entry_point(argv):
    print fill(), len(BUFSIZE_RANGE), BUFSIZE_RANGE[2]
    print EVENS, sum(EVENS)
    total = 0
    for i in range(5):
        total += i
    for j in xrange(3, 0, -1):
        total += j
    print total
    return 0


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))

# Python 2 arithmetic: `/` floors on ints and divides truly once a float is
# involved, `/=` likewise; long literals are ints; octal `0777`; `<>`.
import sys
from rpython.rlib.rarithmetic import r_uint, intmask


def mean(values):
    total = 0
    for v in values:
        total += v
    return total / len(values)


def fmean(values):
    total = 0.0
    for v in values:
        total += v
    return total / len(values)


def entry_point(argv):
    print 7 / 2, -7 / 2, 7 / -2, -7 / -2, 0 / 5
    print 7.0 / 2, 7 / 2.0, -7.5 / 2
    print 7 // 2, 7.5 // 2, 7 % 3, -7 % 3
    n = 100
    n /= 7
    print n
    f = 100.0
    f /= 8
    print f
    print mean([1, 2, 3, 4]), fmean([1.0, 2.0, 3.0, 4.0])
    big = 10L
    mask = 0xFFL
    print big, mask, 0777, 0o17, 0x1f
    print long(42), long("17")
    if big <> 11:
        print "big <> 11"
    u = r_uint(100)
    print intmask(u / r_uint(7))
    try:
        print 1 / (n - n)
    except ZeroDivisionError:
        print "int division by zero"
    try:
        print 1.0 / (n - n)
    except ZeroDivisionError:
        print "float division by zero"
    acc = 0
    for i in xrange(1, 20, 3):
        acc += i / 2
    print acc
    return 0


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))

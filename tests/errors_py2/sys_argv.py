# error: 6:11: `sys.argv` is not supported
import sys


def entry_point(argv):
    print sys.argv[0]
    return 0

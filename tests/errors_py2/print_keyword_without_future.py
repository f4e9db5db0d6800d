# error: 3:16: needs `from __future__ import print_function`
def entry_point(argv):
    print("x", end="")
    return 0

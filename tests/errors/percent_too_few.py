# error: 3:11: not enough arguments for format string
def entry_point(argv):
    print("%d and %d" % (1,))
    return 0

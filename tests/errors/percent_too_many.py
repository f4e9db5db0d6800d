# error: 3:11: not all arguments converted
def entry_point(argv):
    print("%d" % (1, 2))
    return 0

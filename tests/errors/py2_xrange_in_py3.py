# error: 3:14: xrange
def entry_point(argv):
    for i in xrange(3):
        print(i)
    return 0

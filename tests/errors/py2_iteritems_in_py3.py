# error: 4:17: iteritems
def entry_point(argv):
    d = {1: 2}
    for k, v in d.iteritems():
        print(k, v)
    return 0

# error: 4:11: attribute 'upper' of int
def entry_point(argv):
    n = len(argv)
    print(n.upper())
    return 0

# error: 3:11: argument 'sub' must be str, not int
def entry_point(argv):
    print("abc".find(1))
    return 0

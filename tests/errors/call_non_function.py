# error: 4:11: call
def entry_point(argv):
    x = 5
    print(x(3))
    return 0

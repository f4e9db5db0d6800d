# error: 4:15: not defined
def entry_point(argv):
    x = 1
    print(x + y)
    return 0

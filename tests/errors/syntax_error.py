# error: 4:17: syntax
def entry_point(argv):
    x = 1
    print(x + 1))
    return 0

# error: 2:14: *args
def total(a, *args):
    return a


def entry_point(argv):
    print(total(1, 2, 3))
    return 0

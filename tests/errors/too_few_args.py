# error: 7:11: argument
def scale(x, factor, offset=0):
    return x * factor + offset


def entry_point(argv):
    print(scale(5))
    return 0

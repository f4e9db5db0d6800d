# error: 2:14: tuple parameters are not supported in RPython
def add_pair((a, b)):
    return a + b


def entry_point(argv):
    print add_pair((1, 2))
    return 0

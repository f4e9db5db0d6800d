# error: 7:11: argument
def add(a, b):
    return a + b


def entry_point(argv):
    print(add(1, 2, 3))
    return 0

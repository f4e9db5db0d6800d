# error: 4:5: unhashable dict key: list
def entry_point(argv):
    d = {}
    d[[1, 2]] = 3
    return 0

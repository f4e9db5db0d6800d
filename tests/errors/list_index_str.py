# error: 4:5: list indices must be integers
def entry_point(argv):
    l = [1, 2]
    l["a"] = 3
    return 0

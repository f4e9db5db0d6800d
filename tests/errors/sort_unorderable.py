# error: 4:5: sorting needs items
def entry_point(argv):
    l = [[1], [2]]
    l.sort()
    return 0

# error: 4:5: does not support item assignment
def entry_point(argv):
    t = (1, 2)
    t[0] = 5
    return 0

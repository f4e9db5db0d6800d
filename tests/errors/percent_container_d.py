# error: 4:11: %d format cannot take list
def entry_point(argv):
    items = [1, 2]
    print("%d" % (items,))
    return 0

# error: 6:12: must hold items of one type
ROW = (1, "one", 2.5)


def entry_point(argv):
    return ROW[len(argv)]

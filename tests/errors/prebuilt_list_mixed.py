# error: 7:14: holds both int and str
TABLE = [3, 4, "five"]


def entry_point(argv):
    total = 0
    total += len(TABLE)
    print(total)
    return 0

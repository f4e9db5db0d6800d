# error: 7:14: list built at module level
TABLE = [3, 4, 5]


def entry_point(argv):
    total = 0
    total += len(TABLE)
    print(total)
    return 0

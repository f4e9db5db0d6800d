# error: 3:9: the return value of find() is int here but None elsewhere
def find(items, x):
    for i in range(len(items)):
        if items[i] == x:
            return i


def entry_point(argv):
    r = find([1, 2, 3], len(argv))
    if r is None:
        return 1
    return r

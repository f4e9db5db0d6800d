# error: 7:13: not defined
def helper(n):
    return n * 2


def entry_point(argv):
    total = helpr(21)
    print(total)
    return 0

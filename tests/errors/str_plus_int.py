# error: 4:11: str
def entry_point(argv):
    count = 3
    print("count: " + count)
    return 0

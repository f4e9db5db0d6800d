# error: 4:11: needs a list of ints
def entry_point(argv):
    parts = ["a", "b"]
    print(bytes(parts))
    return 0

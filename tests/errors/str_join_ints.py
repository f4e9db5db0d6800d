# error: 4:11: must be a list of str
def entry_point(argv):
    parts = "1 2 3".split()
    print(",".join(len(parts)))
    return 0

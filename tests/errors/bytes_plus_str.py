# error: 3:11: unsupported operation
def entry_point(argv):
    print(b"abc" + "def")
    return 0

# error: 3:11: unsupported encoding 'klingon'
def entry_point(argv):
    print("abc".encode("klingon"))
    return 0

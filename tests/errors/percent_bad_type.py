# error: 3:11: %d format cannot take str
def entry_point(argv):
    print("%d items" % "many")
    return 0

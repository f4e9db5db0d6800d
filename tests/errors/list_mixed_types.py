# error: 3:9: this list mixes int and str
def entry_point(argv):
    l = [1, "a"]
    print(l)
    return 0

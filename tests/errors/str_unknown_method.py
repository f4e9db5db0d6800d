# error: 4:11: 'str' object has no attribute 'frobnicate'
def entry_point(argv):
    s = "abc"
    print(s.frobnicate())
    return 0

# error: 5:11: comparing dicts
def entry_point(argv):
    a = {"a": 1}
    b = {"a": 1}
    print(a == b)
    return 0

# error: 3:9: lambda
def entry_point(argv):
    f = lambda x: x + 1
    print(f(2))
    return 0

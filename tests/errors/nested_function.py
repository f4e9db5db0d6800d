# error: 4:5: nested
def entry_point(argv):
    base = 10
    def add_base(n):
        return n + base
    print(add_base(5))
    return 0

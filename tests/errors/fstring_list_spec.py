# error: 4:15: format() of list with a format spec is not supported
def entry_point(argv):
    items = [1, 2]
    print(f"[{items:>10}]")
    return 0

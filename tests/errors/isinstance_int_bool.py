# error: 3:8: cannot decide isinstance() against the builtin type bool
def show(n):
    if isinstance(n, bool):
        print("bool")


def entry_point(argv):
    show(len(argv))
    show(True)
    return 0

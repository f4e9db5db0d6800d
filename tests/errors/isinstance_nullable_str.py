# error: 9:8: cannot decide isinstance() against the builtin type str
def pick(n):
    if n > 2:
        return "big"
    return None


def show(s):
    if isinstance(s, str):
        print(s)


def entry_point(argv):
    show(pick(len(argv)))
    return 0

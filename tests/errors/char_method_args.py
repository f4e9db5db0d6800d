# error: 5:11: str.isdigit() takes at most 0 arguments (1 given)
def entry_point(argv):
    s = "a1"
    # s[1] is a char: its predicates take no arguments either.
    print(s[1].isdigit(10))
    return 0

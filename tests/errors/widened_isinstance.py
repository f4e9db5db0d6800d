# error: 6:8: isinstance() of a float that is an int on some paths
# error: 12:11: an int comes from here
# f(1) widens x to a float: isinstance(x, float) would be True for the 1,
# where CPython says False.
def f(x):
    if isinstance(x, float):
        return 1
    return 0


def entry_point(argv):
    print(f(1) + f(1.5))
    return 0

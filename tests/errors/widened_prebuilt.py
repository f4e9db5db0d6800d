# error: 9:5: print() of a float that is an int on some paths
# error: 10:5: an int comes from a list or dict built at module level
# Module-level containers mixing ints and floats: CPython prints 1.
TABLE = [1, 2.5]
RATES = {"a": 1, "b": 0.5}


def entry_point(argv):
    print(TABLE[0])
    print(RATES["a"])
    return 0

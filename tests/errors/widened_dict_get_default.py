# error: 7:5: print() of a float that is an int on some paths
# error: 6:9: an int comes from here
# The default 0 is an int where the values are floats: CPython prints 0.
def entry_point(argv):
    d = {"a": 1.5}
    x = d.get("b", 0)
    print(x)
    return 0

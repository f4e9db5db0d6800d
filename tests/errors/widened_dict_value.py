# error: 9:5: print() of a float that is an int on some paths
# error: 7:5: an int comes from here
# CPython prints 1 for d["a"]; the widened dict values are floats.
def entry_point(argv):
    d = {}
    d["b"] = 2.5
    d["a"] = 1
    x = d["a"]
    print(x, d["b"])
    return 0

# error: 8:11: str() of a float that is an int on some paths
# error: 7:9: an int comes from here
# CPython prints [1.5, 2]; the widened list would print [1.5, 2.0].
def entry_point(argv):
    vals = [1.5]
    if len(argv) > 0:
        vals.append(2)
    print(str(vals))
    return 0

# error: 5:5: print() of a float that is an int on some paths
# error: 9:5: an int comes from here; write float(...)
# show() is called with an int and with a float: CPython prints 716.
def show(x):
    print(x)


def entry_point(argv):
    show(716)
    show(1.5)
    return 0

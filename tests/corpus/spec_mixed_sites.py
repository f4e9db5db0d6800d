from rpython.rlib.objectmodel import specialize


@specialize.argtype(0)
def accumulate(start, items_count):
    # start + start + ...: int, float or str depending on the caller.
    acc = start
    i = 1
    while i < items_count:
        acc = acc + start
        i += 1
    return acc


@specialize.argtype(0)
def fmt(x):
    return "<%s>" % (x,)


def ints(n):
    return accumulate(n, 3)


def floats(x):
    return accumulate(x, 4)


def strings(s):
    return accumulate(s, 2)


@specialize.call_location()
def first_of(a, b):
    return a


def entry_point(argv):
    n = len(argv)
    print(ints(n + 6), floats(0.25 * (n + 1)), strings("ab"))
    # acc is a bool or an int: print an int (a bool would print as 1).
    print(accumulate(True, 2) + 0)
    print(fmt(1), fmt(2.5), fmt("three"), fmt(ints(2)))
    print(first_of(1, "x"), first_of("y", 2), first_of(1.5, None))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

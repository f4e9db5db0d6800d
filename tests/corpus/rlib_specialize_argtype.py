from rpython.rlib.objectmodel import specialize


@specialize.argtype(0)
def double(x):
    return x + x


@specialize.argtype(0, 1)
def pair_sum(a, b):
    return a + b


def entry_point(argv):
    print(double(21))
    print(double(1.25))
    print(double("ab"))
    print(pair_sum(1, 2), pair_sum(1.5, 2.5), pair_sum("x", "y"))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

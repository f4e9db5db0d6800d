# error: 14:11: raised KeyError
from rpython.rlib.objectmodel import specialize

NAMES = {"a": 1}


@specialize.memo()
def lookup(name):
    return NAMES[name]


def entry_point(argv):
    print(lookup("a"))
    print(lookup("b"))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

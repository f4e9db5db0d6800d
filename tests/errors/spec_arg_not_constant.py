# error: 13:11: must be a constant at each call site
from rpython.rlib.objectmodel import specialize


@specialize.arg(1)
def convert(x, as_text):
    if as_text:
        return str(x)
    return x * 2


def entry_point(argv):
    print(convert(5, len(argv) > 1))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

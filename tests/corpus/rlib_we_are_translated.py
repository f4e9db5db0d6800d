from rpython.rlib.objectmodel import we_are_translated, always_inline, enforceargs
from rpython.rlib.jit import we_are_jitted


@always_inline
def add(a, b):
    return a + b


@enforceargs(int)
def twice(x):
    return x * 2


def entry_point(argv):
    # Translated this is True, untranslated False: only its type shows.
    t = we_are_translated()
    print(t or not t)
    print(we_are_jitted())
    print(add(2, 3), twice(21))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

# A builtin exception made with several arguments: args, repr and str as
# CPython gives them, and the uncaught-exception line shows str(e).


def check(n):
    if n > 2:
        raise ValueError("bad", n)
    return n


def entry_point(argv):
    for n in range(5):
        try:
            print(check(n))
        except ValueError as e:
            print(e.args)
            print(e.args[1] + 1)
            print(repr(e))
            print(str(e))
    e = OverflowError("big", 1.5, None)
    print(repr(e))
    print(str(e))
    check(7)
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(entry_point(sys.argv))

# Builtin exception classes carry args as in CPython: e.args, repr(e),
# str(e), for instances the program makes and ones the runtime raises.


def pick(i, d, items):
    if i == 0:
        raise ValueError("bad value")
    if i == 1:
        raise KeyError("k")
    if i == 2:
        return items[i * 10]
    if i == 3:
        return d["missing"]
    if i == 4:
        return d.pop("gone")
    if i == 5:
        del d["absent"]
        return 0
    if i == 6:
        d.clear()
        k, v = d.popitem()
        return v
    if i == 7:
        raise IndexError("plain")
    return items[0]


def lookup_args(i, d, items):
    try:
        pick(i, d, items)
        print("no error")
    except (KeyError, IndexError) as e:
        print(e.args)
        print(len(e.args))
        print(repr(e))
        print(str(e))
    except ValueError as e:
        print(e.args)
        print(repr(e))
        print(str(e))


def parse(s):
    try:
        return int(s)
    except ValueError as e:
        print(e.args)
        print(repr(e))
        return -1


def entry_point(argv):
    d = {"a": 1, "b": 2}
    items = [1, 2, 3]
    for i in range(8):
        lookup_args(i, d, items)
    print(repr(KeyError("k")))
    print(str(KeyError("k")))
    print(str(KeyError("")))
    print(repr(RuntimeError("two", "parts")))
    print(str(RuntimeError("two", "parts")))
    print(RuntimeError("two", "parts").args[1])
    print(parse("12"))
    print(parse("x1"))
    try:
        print(10 // (len(items) - 3))
    except ZeroDivisionError as e:
        print(e.args)
        print(repr(e))
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(entry_point(sys.argv))

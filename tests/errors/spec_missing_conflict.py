# error: 16:12: type conflict
def accumulate(start, items_count):
    acc = start
    i = 1
    while i < items_count:
        acc = acc + start
        i += 1
    return acc


def ints(n):
    return accumulate(n, 3)


def strings(s):
    return accumulate(s, 2)


def entry_point(argv):
    # Without @specialize.argtype(0), accumulate() needs one type for start.
    print(ints(len(argv)), strings("ab"))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

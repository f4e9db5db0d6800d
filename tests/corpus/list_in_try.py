def safe_get(l, i, default):
    try:
        return l[i]
    except IndexError:
        return default


def first_neg(l):
    try:
        return l.index(-1)
    except ValueError:
        return -100


def entry_point(argv):
    l = [1, -1, 2]
    print(safe_get(l, 1, 0), safe_get(l, 5, 0), safe_get(l, -4, 9))
    print(first_neg(l), first_neg([1]))
    errs = 0
    for i in range(6):
        try:
            l.pop()
        except IndexError:
            errs += 1
    print(errs, l)
    try:
        x = [1, 2][3]
        print(x)
    except IndexError as e:
        print("caught", str(e))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

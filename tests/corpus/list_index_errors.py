def get(l, i):
    try:
        return l[i]
    except IndexError:
        print("IndexError at", i)
        return -1


def put(l, i, v):
    try:
        l[i] = v
    except IndexError as e:
        print("IndexError:", str(e))


def entry_point(argv):
    l = [5, 6, 7]
    for i in range(-4, 4):
        print(i, get(l, i))
    put(l, 3, 1)
    put(l, -4, 1)
    put(l, -3, 1)
    print(l)
    e = []
    e.append(1)
    e.pop()
    try:
        e.pop()
    except IndexError as ex:
        print("pop:", str(ex))
    try:
        l.pop(10)
    except IndexError as ex:
        print("pop:", str(ex))
    try:
        del l[5]
    except IndexError as ex:
        print("del:", str(ex))
    del l[0]
    print(l)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

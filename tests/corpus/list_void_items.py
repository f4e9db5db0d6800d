# Lists whose items have no value: lists of Nones, and lists that never
# get an item (their item annotation is impossible).


def empty_len():
    return len([])


def pop_empty(i):
    x = []
    if i > 0:
        return x.pop()
    return i


def nones(n):
    x = [None] * n
    x.append(None)
    x.insert(0, None)
    del x[1]
    y = x + x
    z = y[1:3]
    x.reverse()
    return len(x) * 100 + len(y) * 10 + len(z)


def count_nones(n):
    x = []
    for i in range(n):
        x.append(None)
    k = 0
    for item in x:
        if item is None:
            k += 1
    return k


def entry_point(argv):
    print(empty_len())
    print(pop_empty(0))
    try:
        print(pop_empty(1))
    except IndexError as e:
        print("IndexError:", e)
    print(nones(3))
    print(count_nones(5))
    e = []
    print(len(e + e), len(e * 3), len(e[1:]))
    for item in e:
        print("never", item)
    x = [None, None]
    print(x.pop(), len(x), x[0])
    try:
        x[5]
    except IndexError as err:
        print("IndexError:", err)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

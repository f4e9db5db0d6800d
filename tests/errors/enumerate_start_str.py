# error: 3:17: enumerate() start must be an int, got str
def f(names):
    for i, n in enumerate(names, "1"):
        print(i, n)


def entry_point(argv):
    f(["a"])
    return 0

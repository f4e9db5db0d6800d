# error: 5:9: is list of str here but list of int elsewhere
def pick(flag):
    a = [1, 2]
    if flag:
        a = ["x"]
    return len(a)


def entry_point(argv):
    print(pick(len(argv) > 1))
    return 0

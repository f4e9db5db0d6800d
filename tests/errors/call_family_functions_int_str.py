# error: 13:9: the functions called here return different types (int and str)
def one(x):
    return x + 1


def word(x):
    return "w"


def entry_point(argv):
    fs = [one, word]
    f = fs[len(argv) % 2]
    r = f(3)
    print(r)
    return 0

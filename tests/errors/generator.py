# error: 5:9: yield
def count_up(n):
    i = 0
    while i < n:
        yield i
        i += 1


def entry_point(argv):
    for v in count_up(3):
        print(v)
    return 0

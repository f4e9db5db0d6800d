# error: 10:11: variable 'items' is list of str here but list of int elsewhere
def total(items):
    return len(items)


def entry_point(argv):
    nums = [1, 2, 3]
    names = ["a", "b"]
    print(total(nums))
    print(total(names))
    return 0

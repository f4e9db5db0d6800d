# error: 9:5: type conflict
def add(l, x):
    l.append(x)


def entry_point(argv):
    nums = [1, 2]
    add(nums, 3)
    add(nums, "four")
    return 0

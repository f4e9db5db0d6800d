# error: 11:20: formatting of a float that is an int on some paths
# error: 6:5: an int comes from here
def pick(n):
    if n > 3:
        return n / 2
    x = n * 2
    return x


def entry_point(argv):
    print(f"value {pick(len(argv))}")
    return 0

# error: 2:21: **kwargs
def configure(name, **kwargs):
    return name


def entry_point(argv):
    print(configure("x", verbose=True))
    return 0

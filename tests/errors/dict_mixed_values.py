# error: 4:5: dict value type conflict: this value is str but the dict's values are int
def fill(d):
    d["a"] = 1
    d["b"] = "two"


def entry_point(argv):
    d = {}
    fill(d)
    return 0

# error: 3:9: dict value type conflict
def entry_point(argv):
    d = {"a": 1, "b": 2.5, "c": "three"}
    print(d)
    return 0

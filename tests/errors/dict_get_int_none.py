# error: 4:9: dict.get() gives the dict's value (int) or the default (None)
def entry_point(argv):
    d = {"a": 1}
    x = d.get("b")
    print(x)
    return 0

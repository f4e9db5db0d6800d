# error: 4:11: dict key type conflict: this key is int but the dict's keys are str
def entry_point(argv):
    d = {"a": 1}
    print(d[0])
    return 0

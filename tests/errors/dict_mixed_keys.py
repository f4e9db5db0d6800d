# error: 4:5: dict key type conflict: this key is str but the dict's keys are int
def entry_point(argv):
    d = {1: "one"}
    d["two"] = "two"
    print(d)
    return 0

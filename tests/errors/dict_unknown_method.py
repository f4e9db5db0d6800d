# error: 4:5: dicts have no method 'has_key'
def entry_point(argv):
    d = {"a": 1}
    d.has_key("a")
    return 0

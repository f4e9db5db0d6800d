def classify(name):
    if name.startswith(("test_", "check_")):
        return "test"
    if name.endswith((".py", ".pyw")):
        return "source"
    if name.startswith("_"):
        return "private"
    return "other"


def entry_point(argv):
    names = "test_parse|check_all|main.py|gui.pyw|_hidden|README|x.pyc".split("|")
    for i in range(len(names)):
        print(names[i], classify(names[i]))
    s = "hello world"
    print(s.startswith("world", 6), s.endswith("hello", 0, 5), s.startswith("hello", 1), s.endswith(""), s.startswith("", 20))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

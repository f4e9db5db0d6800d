def entry_point(argv):
    d = {"a": 1, "b": 2, "c": 3}
    print(d)
    e = {1: "one", 2: "two"}
    print(e)
    print(str(d), repr(e))
    f = {1.5: True, 2.0: False}
    print(f)
    g = {}
    g["x"] = 1
    print(g)
    empty = {"k": 0}
    del empty["k"]
    print(empty)
    q = {"it's": "a \"quote\"", "new\nline": "tab\t"}
    print(q)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

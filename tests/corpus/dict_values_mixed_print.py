def entry_point(argv):
    d = {"ints": [1, 2, 3], "empty": []}
    print(d)
    t = {1: (2, "x"), 3: (4, "y")}
    print(t)
    f = {"pi": 3.14159, "e": 2.71828, "big": 1e22, "neg": -0.5}
    print(f)
    b = {"t": True, "f": False}
    print(b)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

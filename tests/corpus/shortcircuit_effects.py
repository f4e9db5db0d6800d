def check(name, value):
    print("check", name)
    return value


def entry_point(argv):
    if check("a", 0) and check("b", 1):
        print("both")
    else:
        print("not both")
    if check("c", 1) or check("d", 1):
        print("either")
    r = check("e", 3) and check("f", 0) or check("g", 7)
    print("r =", r)
    if not (check("h", 0) or check("i", 0)):
        print("neither")
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

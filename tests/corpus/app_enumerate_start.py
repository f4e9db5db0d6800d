def entry_point(argv):
    names = ["ann", "bob", "cy"]
    for i, n in enumerate(names, 1):
        print("%d. %s" % (i, n))
    for i, ch in enumerate("xyz", start=10):
        print(i, ch)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

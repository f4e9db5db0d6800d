def entry_point(argv):
    d = {"here": 1}
    print(d["here"])
    print(d["there"])
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

def lookup(d, k):
    try:
        return d[k]
    except KeyError:
        return -1


def entry_point(argv):
    d = {"a": 1}
    print(lookup(d, "a"), lookup(d, "b"))
    n = {5: "five"}
    try:
        print(n[6])
    except KeyError as e:
        print("missing", str(e))
    try:
        del d["zz"]
    except KeyError as e:
        print("del missing", str(e))
    try:
        d.pop("q")
    except KeyError:
        print("pop missing")
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

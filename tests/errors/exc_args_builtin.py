# error: 8:15: e.args of a KeyError raised by a dict lookup is (key,), and this program has a dict with int keys
def entry_point(argv):
    d = {1: "one"}
    d[len(argv)] = "n"
    try:
        print(d[5])
    except KeyError as e:
        print(e.args)
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(entry_point(sys.argv))

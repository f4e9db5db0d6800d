import os


def entry_point(argv):
    v = os.getenv("RPY_SURELY_NOT_SET_VARIABLE")
    if v is None:
        print("unset")
    else:
        print("set:", v)
    home = os.getenv("PATH")
    print(home is not None)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

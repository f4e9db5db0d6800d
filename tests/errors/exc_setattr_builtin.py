# error: 5:9: cannot set attribute 'code' on an instance of the builtin class ValueError
def entry_point(argv):
    e = ValueError("x")
    if len(argv) > 5:
        e.code = 3
        raise e
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(entry_point(sys.argv))

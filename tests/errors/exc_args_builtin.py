# error: 6:15: e.args is supported on user exception classes only
def entry_point(argv):
    try:
        int(argv[0])
    except ValueError as e:
        print(e.args)
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(entry_point(sys.argv))

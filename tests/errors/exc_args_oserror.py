# error: 9:15: e.args is not supported on OSError: the runtime raises OSError with just a message
import os


def entry_point(argv):
    try:
        os.write(99, b"x")
    except OSError as e:
        print(e.args)
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(entry_point(sys.argv))

# error: 10:15: type conflict: attribute AppError.args
class AppError(Exception):
    pass


def check(n):
    if n < 0:
        raise AppError("negative")
    if n > 100:
        raise AppError("too big", n)
    return n


def entry_point(argv):
    try:
        check(len(argv) * 1000)
    except AppError as e:
        print(e.args[0])
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(entry_point(sys.argv))

class AppError(Exception):
    def __init__(self, what, code):
        Exception.__init__(self, what, code)
        self.code = code


def run(n):
    if n > 2:
        raise AppError("too big", n)
    return n * 2


def entry_point(argv):
    total = 0
    for i in range(5):
        try:
            total += run(i)
        except AppError as e:
            print("caught", e, e.code)
            if e.code == 4:
                print("total", total)
                raise ValueError("giving up", e.code, total)
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(entry_point(sys.argv))

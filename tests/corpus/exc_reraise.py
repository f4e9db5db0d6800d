class AppError(Exception):
    def __init__(self, code):
        Exception.__init__(self, "code " + str(code))
        self.code = code


def level3(n):
    if n > 2:
        raise AppError(n)
    return n


def level2(n):
    try:
        return level3(n) + 1
    except AppError:
        print("level2 saw it, re-raising")
        raise


def level1(n):
    try:
        return level2(n) * 10
    except AppError as e:
        print("level1 caught", e.code, str(e))
        return -e.code


def entry_point(argv):
    for n in range(5):
        print(level1(n))
    try:
        level2(7)
    except Exception as e:
        print("top", e)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

class AppError(Exception):
    def __init__(self, msg, code):
        super().__init__(msg, code)
        self.code = code


class DbError(AppError):
    def __init__(self, table):
        AppError.__init__(self, "db:" + table, 500)
        self.table = table


class Wrapped(Exception):
    def __init__(self, code):
        self.code = code


class Quiet(Exception):
    def __init__(self, a, b):
        self.total = a + b
        Exception.__init__(self)


def run(n):
    if n == 3:
        raise Wrapped(42)
    if n == 4:
        raise Quiet(1, 2)
    if n == 1:
        raise AppError("bad request", 400)
    if n == 2:
        raise DbError("users")
    return n


def entry_point(argv):
    for i in range(5):
        try:
            print(run(i))
        except AppError as e:
            print(e, e.code, e.args, repr(e))
            msg, code = e.args
            print(msg.upper(), code + 1)
        except Wrapped as e:
            print(e, e.code, e.args, repr(e), e.args[0] * 2)
        except Quiet as e:
            print("[" + str(e) + "]", e.total, e.args, repr(e), len(e.args))
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(entry_point(sys.argv))

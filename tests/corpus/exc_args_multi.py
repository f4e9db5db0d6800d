class MyErr(Exception):
    def __init__(self, a, b):
        Exception.__init__(self, a, b)
        self.a = a
        self.b = b


class Plain(Exception):
    pass


class Wrapped(Exception):
    def __init__(self, code):
        self.code = code


class Sub(MyErr):
    pass


def f(n):
    if n == 0:
        raise ValueError("bad", 3)
    if n == 1:
        raise MyErr("x", 7)
    if n == 2:
        raise Plain
    if n == 3:
        raise Wrapped(42)
    if n == 4:
        raise Sub("sub", -1)
    if n == 5:
        raise Plain()
    if n == 6:
        raise IndexError("i", 1.5, None, True)
    if n == 7:
        raise KeyError("k", 2)
    if n == 8:
        raise RuntimeError(("nested", 1), "x")
    return n


def entry_point(argv):
    for i in range(10):
        try:
            f(i)
            print("no error", i)
        except ValueError as e:
            print("value", str(e))
            print(e)
        except MyErr as e:
            print("myerr", str(e), e.a, e.b)
        except Plain as e:
            print("plain", "[" + str(e) + "]")
        except Wrapped as e:
            print("wrapped", str(e), e.code)
        except LookupError as e:
            print("lookup", e)
        except Exception as e:
            print("other", e)
    s = "%s|%s" % (ValueError("a", "b"), Plain())
    print(s)
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(entry_point(sys.argv))

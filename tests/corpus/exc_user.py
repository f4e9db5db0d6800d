class CalcError(Exception):
    pass


class ParseError(CalcError):
    def __init__(self, pos, msg):
        CalcError.__init__(self, msg)
        self.pos = pos


class EvalError(CalcError):
    def __init__(self, code):
        self.code = code


def parse(s, i):
    if i >= 3:
        raise ParseError(i, "unexpected end at " + str(i))
    return i * 2


def evaluate(i):
    if i == 2:
        raise EvalError(42)
    if i == 4:
        raise CalcError("plain calc error")
    return parse(i, i)


def entry_point(argv):
    for i in range(6):
        try:
            r = evaluate(i)
            print("ok", r)
        except ParseError as e:
            print("parse error at", e.pos, str(e))
        except EvalError as e:
            print("eval error", e.code)
        except CalcError as e:
            print("calc error", e)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

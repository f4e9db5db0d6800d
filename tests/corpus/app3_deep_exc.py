# Exceptions carrying fields caught several frames up, try/finally inside loops with break/continue, re-raise, else clauses; ends uncaught.


class ValidationError(Exception):
    def __init__(self, field, value, depth):
        self.field = field
        self.value = value
        self.depth = depth


class FatalError(ValidationError):
    pass


class Trace(object):
    def __init__(self):
        self.lines = []

    def add(self, s):
        self.lines.append(s)


TRACE = Trace()


def check(field, value, depth):
    if depth > 0:
        try:
            return check(field, value, depth - 1) + 1
        finally:
            TRACE.add("unwind %s %d" % (field, depth))
    if value < 0:
        raise FatalError(field, value, depth)
    if value > 100:
        raise ValidationError(field, value, depth)
    return 0


def validate_all(records):
    ok = 0
    for name, value in records:
        try:
            d = check(name, value, 3)
        except FatalError as e:
            TRACE.add("fatal " + e.field)
            break
        except ValidationError as e:
            TRACE.add("skip %s=%d" % (e.field, e.value))
            continue
        else:
            ok += d
        finally:
            TRACE.add("done " + name)
    return ok


def loop_with_finally(n):
    total = 0
    i = 0
    while True:
        i += 1
        try:
            if i % 3 == 0:
                continue
            if i > n:
                break
            total += i
        finally:
            total += 1000
    return total, i


def nested_reraise(x):
    try:
        try:
            if x == 0:
                raise KeyError("zero")
            return 10 // (x - 1)
        except KeyError:
            TRACE.add("inner key")
            raise
        finally:
            TRACE.add("inner finally %d" % x)
    except ZeroDivisionError as e:
        TRACE.add("outer zde: %s" % e)
        return -1
    except KeyError as e:
        TRACE.add("outer key: %s" % e)
        return -2


def entry_point(argv):
    print(validate_all([("a", 5), ("b", 500), ("c", 50), ("d", -1), ("e", 7)]))
    print(loop_with_finally(5), loop_with_finally(0))
    print([nested_reraise(x) for x in [0, 1, 2, 6]])
    for line in TRACE.lines:
        print(line)
    print(len(TRACE.lines))
    check("final", -5, 2)
    print("not reached")
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

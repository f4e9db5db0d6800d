class ParseFailure(Exception):
    pass


class Fatal(Exception):
    pass


LOG = []


def log(msg):
    print("  log:", msg)


def parse_int(s):
    try:
        return int(s)
    except ValueError:
        raise ParseFailure("not a number: %r" % s)


def risky(n):
    if n % 5 == 0:
        raise Fatal("n=%d is fatal" % n)
    if n % 3 == 0:
        raise ValueError("n=%d divisible by 3" % n)
    if n % 2 == 0:
        return [n][n]
    return 100 // (n - 7)


def guarded(n):
    result = "?"
    try:
        try:
            v = risky(n)
        except ValueError as e:
            result = "value error (" + str(e) + ")"
        except IndexError:
            result = "index error"
        else:
            result = "ok " + str(v)
        finally:
            log("inner finally for %d" % n)
    except ZeroDivisionError:
        result = "zero division"
    finally:
        log("outer finally for %d" % n)
    return result


def early_return(items):
    count = 0
    try:
        for it in items:
            if it < 0:
                return -1
            count += it
    finally:
        print("  cleanup after", len(items), "items, count", count)
    return count


def loop_with_finally():
    out = []
    i = 0
    while i < 6:
        i += 1
        try:
            if i == 2:
                continue
            if i == 5:
                break
            out.append(i)
        finally:
            out.append(-i)
    else:
        out.append(999)
    return out


def reraise_chain(s):
    try:
        return parse_int(s) * 2
    except ParseFailure as e:
        print("  caught and re-raising:", e)
        raise


def entry_point(argv):
    for n in range(1, 11):
        try:
            print(n, "->", guarded(n))
        except Fatal as e:
            print(n, "-> fatal:", e)
    print(early_return([1, 2, 3]), early_return([1, -2, 3]), early_return([]))
    print(loop_with_finally())
    for s in ["21", "x1", " 7 ", "-0"]:
        try:
            print("double", repr(s), "=", reraise_chain(s))
        except ParseFailure as e:
            print("failed:", e)
    errors = 0
    for s in ["1", "2", "three", "4"]:
        try:
            parse_int(s)
        except ParseFailure:
            errors += 1
            continue
        finally:
            print("  checked", s)
        print("  parsed", s)
    print("errors:", errors)
    try:
        assert errors == 0, "there were %d errors" % errors
    except AssertionError as e:
        print("assertion:", e)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

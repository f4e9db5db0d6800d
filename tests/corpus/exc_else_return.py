class NotFound(Exception):
    pass


def find(n, target):
    i = 0
    while i < n:
        if i * i == target:
            return i
        i += 1
    raise NotFound("no root of " + str(target))


def check(t):
    try:
        r = find(20, t)
    except NotFound as e:
        print("missing:", e)
        return -1
    else:
        print("found", r)
        if r > 3:
            return r * 100
    finally:
        print("checked", t)
    return r


def first_root(limit):
    result = -1
    for t in range(limit):
        try:
            result = find(10, t)
            if result > 1:
                break
        except NotFound:
            continue
        finally:
            print("tried", t)
    return result


def entry_point(argv):
    print(check(0))
    print(check(5))
    print(check(16))
    print(check(49))
    print(first_root(10))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

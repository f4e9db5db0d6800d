class Stop(Exception):
    pass


def risky(i):
    if i % 3 == 0:
        raise Stop("stop at " + str(i))
    if i % 3 == 1:
        raise ValueError("bad " + str(i))
    return i


def run(i):
    try:
        try:
            r = risky(i)
        except Stop as e:
            print("inner caught", str(e))
            return -1
        else:
            print("no error", r)
        finally:
            print("inner finally", i)
    except ValueError as e:
        print("outer caught", e)
        return -2
    return r


def loop():
    found = 0
    for i in range(10):
        try:
            if i == 4:
                break
            if i % 2 == 0:
                continue
            found += i
        finally:
            print("loop finally", i)
    return found


def entry_point(argv):
    for i in range(4):
        print("result", run(i))
    print("loop", loop())
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

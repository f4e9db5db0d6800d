class Skip(Exception):
    pass


class Halt(Exception):
    def __init__(self, at):
        self.at = at


def step(i):
    if i % 5 == 4:
        raise Skip()
    if i == 13:
        raise Halt(i)
    return i * 2


def run(n):
    total = 0
    i = 0
    while i < n:
        i += 1
        try:
            total += step(i)
        except Skip:
            print("skip", i)
            continue
        except Halt as h:
            print("halt at", h.at)
            break
        else:
            if total > 1000:
                break
        finally:
            total += 1
    return total


def entry_point(argv):
    print(run(10))
    print(run(20))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

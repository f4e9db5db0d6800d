class Plain(Exception):
    pass


class WithInit(Exception):
    def __init__(self, n):
        self.n = n


def raiser(i):
    if i == 0:
        raise Plain()
    if i == 1:
        raise Plain("text")
    if i == 2:
        raise Plain(42)
    if i == 3:
        raise WithInit(7)
    if i == 4:
        raise ValueError()
    raise IndexError(3.5)


def entry_point(argv):
    for i in range(6):
        try:
            raiser(i)
        except Plain as e:
            print("plain [" + str(e) + "]")
        except WithInit as e:
            print("withinit", e.n, "[" + str(e) + "]")
        except Exception as e:
            print("other [" + str(e) + "]")
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

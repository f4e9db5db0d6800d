class Token(object):
    KIND = "token"
    PRIORITY = 0

    def __init__(self, text):
        self.text = text

    def describe(self):
        return self.KIND + ":" + self.text + ":" + str(self.PRIORITY)


class Plus(Token):
    KIND = "plus"
    PRIORITY = 1


class Times(Token):
    KIND = "times"
    PRIORITY = 2


class Number(Token):
    pass


LIMIT = 3


def make(i):
    if i % 4 == 0:
        return Plus("+")
    if i % 4 == 1:
        return Times("*")
    if i % 4 == 2:
        return Number(str(i))
    return Token("?")


def entry_point(argv):
    best = 0
    for i in range(8):
        t = make(i)
        print(t.describe())
        if t.PRIORITY > best:
            best = t.PRIORITY
    print("best", best, Token.KIND, Plus.PRIORITY, LIMIT)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

class State(object):
    def next(self, ch):
        raise NotImplementedError

    def name(self):
        return "?"


class Start(State):
    def next(self, ch):
        if ch == "a":
            return AFTER_A
        return START

    def name(self):
        return "start"


class AfterA(State):
    def next(self, ch):
        if ch == "b":
            return DONE
        if ch == "a":
            return AFTER_A
        return START

    def name(self):
        return "after_a"


class Done(State):
    def next(self, ch):
        return DONE

    def name(self):
        return "done"


START = Start()
AFTER_A = AfterA()
DONE = Done()


def run(text):
    s = START
    for i in range(len(text)):
        s = s.next(text[i])
    return s


def entry_point(argv):
    print(run("xxab").name())
    print(run("aab").name())
    print(run("ba").name())
    print(run("").name())
    print(run("aaaa").name(), run("aaaa") is AFTER_A)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

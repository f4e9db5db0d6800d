class Frame(object):
    def __init__(self, parent, depth):
        self.parent = parent
        self.depth = depth
        self.acc = 0


class VM(object):
    def __init__(self):
        self.frame = None
        self.max_depth = 0

    def call(self):
        d = 0
        if self.frame is not None:
            d = self.frame.depth + 1
        self.frame = Frame(self.frame, d)
        if d > self.max_depth:
            self.max_depth = d

    def ret(self):
        f = self.frame
        if f is None:
            raise RuntimeError("return outside of a call")
        self.frame = f.parent
        if self.frame is not None:
            self.frame.acc += f.acc

    def add(self, n):
        if self.frame is None:
            raise RuntimeError("no frame")
        self.frame.acc += n


def run(code):
    vm = VM()
    vm.call()
    for i in range(len(code)):
        c = code[i]
        if c == "(":
            vm.call()
        elif c == ")":
            vm.ret()
        else:
            vm.add(ord(c) - ord("0"))
    return vm.frame.acc * 100 + vm.max_depth


def entry_point(argv):
    print(run("1(2(3)4)5"))
    print(run("((((9))))"))
    try:
        print(run("1))"))
    except RuntimeError as e:
        print("error:", e)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

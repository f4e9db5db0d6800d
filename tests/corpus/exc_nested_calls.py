class Underflow(Exception):
    def __init__(self, depth):
        Exception.__init__(self, "underflow at depth " + str(depth))
        self.depth = depth


class Stack(object):
    def __init__(self):
        self.top = None
        self.size = 0

    def push(self, v):
        self.top = Cell(v, self.top)
        self.size += 1

    def pop(self):
        c = self.top
        if c is None:
            raise Underflow(self.size)
        self.top = c.next
        self.size -= 1
        return c.value


class Cell(object):
    def __init__(self, value, next):
        self.value = value
        self.next = next


def binop(s, code):
    b = s.pop()
    a = s.pop()
    if code == "+":
        s.push(a + b)
    elif code == "*":
        s.push(a * b)
    elif code == "-":
        s.push(a - b)
    else:
        raise ValueError("bad op " + code)


def run(prog):
    s = Stack()
    for i in range(len(prog)):
        ch = prog[i]
        if ch >= "0" and ch <= "9":
            s.push(ord(ch) - ord("0"))
        else:
            binop(s, ch)
    return s.pop()


def entry_point(argv):
    for i in range(6):
        p = "12+3*"
        if i == 1:
            p = "99*9-"
        elif i == 2:
            p = "1+"
        elif i == 3:
            p = "5"
        elif i == 4:
            p = "12?"
        elif i == 5:
            p = ""
        try:
            print(p, "=>", run(p))
        except Underflow as e:
            print(p, "underflow", e.depth, e)
        except ValueError as e:
            print(p, "error", e)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

# Roman numerals both ways, and a calculator REPL over a fixed input list.

VALUES = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
          (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
DIGITS = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}


def to_roman(n):
    if n <= 0 or n >= 4000:
        raise ValueError("out of range: %d" % n)
    out = ""
    for v, s in VALUES:
        while n >= v:
            out += s
            n -= v
    return out


def from_roman(s):
    if not s:
        raise ValueError("empty numeral")
    total = 0
    prev = 0
    for ch in s[::-1]:
        if ch not in DIGITS:
            raise ValueError("bad digit " + ch)
        v = DIGITS[ch]
        if v < prev:
            total -= v
        else:
            total += v
            prev = v
    if to_roman(total) != s:
        raise ValueError("not canonical: %s (did you mean %s?)" % (s, to_roman(total)))
    return total


SKIP = -(2 ** 62)


class Calc(object):
    def __init__(self):
        self.stack = []
        self.vars = {}
        self.history = []

    def push(self, v):
        self.stack.append(v)
        return self

    def pop(self):
        if not self.stack:
            raise IndexError("stack empty")
        return self.stack.pop()

    def feed(self, line):
        line = line.strip()
        if line == "" or line.startswith("#"):
            return SKIP
        words = line.split()
        for w in words:
            if w[0] == "=" and len(w) > 1:
                self.vars[w[1:]] = self.pop()
            elif w in self.vars:
                self.push(self.vars[w])
            elif w == "+":
                b = self.pop()
                self.push(self.pop() + b)
            elif w == "-":
                b = self.pop()
                self.push(self.pop() - b)
            elif w == "*":
                b = self.pop()
                self.push(self.pop() * b)
            elif w == "/":
                b = self.pop()
                self.push(self.pop() // b)
            elif w == "dup":
                v = self.pop()
                self.push(v).push(v)
            elif w.isdigit() or (w[0] == "-" and w[1:].isdigit()):
                self.push(int(w))
            elif w.isupper():
                self.push(from_roman(w))
            else:
                raise KeyError(w)
        top = self.stack[-1] if self.stack else 0
        self.history.append(top)
        return top


INPUT = [
    "1 2 +",
    "# comment",
    "XIV IX * =x",
    "x dup *",
    "x MMXXIV -",
    "",
    "10 0 /",
    "IIII",
    "5 bogus",
    "+",
    "7 -3 / =y y",
    "y y y * *",
]


def entry_point(argv):
    for n in [1, 4, 9, 14, 40, 90, 400, 1994, 2024, 3999]:
        r = to_roman(n)
        print("%4d %-12s %d" % (n, r, from_roman(r)))
    for bad in [0, 4000, -5]:
        try:
            to_roman(bad)
        except ValueError as e:
            print("ValueError")
    c = Calc()
    for i, line in enumerate(INPUT):
        try:
            r = c.feed(line)
            if r == SKIP:
                print("%2d: (skip)" % i)
            else:
                print("%2d: %-20s -> %d  stack=%s" % (i, line, r, c.stack))
        except ZeroDivisionError:
            print("%2d: division by zero" % i)
            c.stack = []
        except ValueError as e:
            print("%2d: value error" % i)
        except KeyError:
            print("%2d: unknown word" % i)
        except IndexError:
            print("%2d: underflow" % i)
    print("history", c.history, "vars", sorted(c.vars.items()))
    print(from_roman("IC"))
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(entry_point(sys.argv))

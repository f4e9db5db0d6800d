import os

class Shape(object):
    def __init__(self, name):
        self.name = name
    def area(self):
        raise NotImplementedError("area")
    def describe(self):
        return "%s with area %.2f" % (self.name, self.area())

class Square(Shape):
    def __init__(self, side):
        Shape.__init__(self, "square")
        self.side = side
    def area(self):
        return self.side * self.side

class MyError(Exception):
    pass

TABLE = {}
for i in range(5):
    TABLE[i] = i * i

def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)

def deep(n):
    if n == 0:
        return 0
    return 1 + deep(n - 1)

def entry_point(argv):
    print("hello", len(argv), argv[1:])
    s = Square(3)
    print(s.describe())
    print(TABLE, sorted(TABLE.values(), reverse=True))
    print(fib(15), 7 // -2, -7 % 3, 2 ** 10, 1 / 3, 1e16, 0.1 + 0.2)
    try:
        raise MyError("oops")
    except MyError as e:
        print("caught", e, repr(e))
    try:
        [1, 2][5]
    except IndexError as e:
        print("index", e)
    d = {"a": 1}
    try:
        d["b"]
    except KeyError as e:
        print("key", e)
    words = "the quick  brown fox".split()
    print(words, "-".join(words), "fox" in words, words[::-1])
    print(f"{3.14159:.2f} {42:>5} {'x'!r}")
    os.write(1, b"bytes out\n")
    x = [i * 2 for i in range(6) if i % 2 == 0]
    print(x, sum(x), max(x), min(3, 1, 2))
    for i, w in enumerate(words):
        if i > 1:
            break
        print(i, w)
    print(deep(500))
    try:
        deep(100000)
    except RecursionError:
        print("too deep")
    print(str(1.5), int("42"), float("2.5"), chr(65), ord("a"), abs(-3))
    print("abc".upper(), "  x ".strip(), "a,b".split(","), "hello".find("l"), "x%sy" % 5)
    return 3

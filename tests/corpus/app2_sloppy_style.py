# Code the way a hurried programmer writes it: defaults at module level, early returns,
# while True with break, methods returning self, augmented assignment on items and attributes.


def clamp(x, lo=0, hi=100):
    if x < lo:
        return lo
    if x > hi:
        return hi
    return x


def pad(s, n=8, ch=" "):
    if len(s) >= n:
        return s
    return ch * (n - len(s)) + s


def first_index(xs, target, default=-1):
    i = 0
    while True:
        if i >= len(xs):
            break
        if xs[i] == target:
            return i
        i += 1
    return default


class Counter(object):
    def __init__(self):
        self.hits = [0] * 5
        self.total = 0
        self.names = {}

    def hit(self, i, name="?"):
        self.hits[i % 5] += 1
        self.hits[-1] += 0
        self.total += i
        self.names[name] = self.names.get(name, 0) + 1
        return self

    def scale(self, k):
        for i in range(len(self.hits)):
            self.hits[i] *= k
        self.total //= k if k else 1
        return self


class Point(object):
    def __init__(self, x, y):
        self.x = x
        self.y = y


class Rect(object):
    def __init__(self, a, b):
        self.a = a
        self.b = b


def area(r):
    w = r.b.x - r.a.x
    h = r.b.y - r.a.y
    if w <= 0 or h <= 0:
        return 0
    return w * h


def collatz(n):
    steps = 0
    while True:
        if n == 1:
            break
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        steps += 1
    return steps


def entry_point(argv):
    print([clamp(v) for v in [-5, 0, 50, 100, 150]], clamp(7, hi=5), clamp(7, 10), clamp(hi=3, x=-1, lo=-2))
    print("[" + pad("abc") + "]", "[" + pad("abc", 5, "*") + "]", "[" + pad("toolongtext", 3) + "]")
    xs = [4, 8, 15, 16, 23, 42]
    print(first_index(xs, 15), first_index(xs, 99), first_index(xs, 99, default=-7))
    c = Counter().hit(3).hit(4, "b").hit(13, "b").hit(7, name="c").scale(2)
    print(c.hits, c.total, sorted(c.names.items()))
    c.hits[2] += c.hits[0] - 1
    c.hits[-2] -= 3
    print(c.hits, c.hits[::-1], c.hits[1:-1], c.hits[::2], c.hits[-3:])
    rects = [Rect(Point(0, 0), Point(3, 4)), Rect(Point(2, 2), Point(1, 5)), Rect(Point(-3, -3), Point(3, 3))]
    areas = [area(r) for r in rects]
    print(areas, max(areas), min(areas), sum(areas), areas.index(max(areas)))
    big = [(collatz(n), n) for n in range(1, 30)]
    big.sort()
    print(big[-3:], big[:2], max(big), min(big)[1])
    pairs = [("b", 2), ("a", 2), ("c", 1), ("a", 1)]
    for i, (k, v) in enumerate(sorted(pairs)):
        print(i, k * v, "yes" if k in "abc" else "no", v in [1, 3], 1 < v <= 2)
    grid = [[i * j for j in range(4)] for i in range(3)]
    flat = [x for row in grid for x in row if x % 2 == 0]
    print(grid, flat, [[r[i] for r in grid] for i in range(4)])
    s = "Hello, World"
    print(s[::-1], s[-5:-1], s[::3], s[100:], s[-100:3], "lo" in s, "xyz" not in s)
    print("-".join([str(n * n) for n in range(6)]), "=" * 0 + "|", "ab" * 3)
    word = "mississippi"
    d = {}
    for ch in word:
        d[ch] = d.get(ch, 0) + 1
    for k, v in d.items():
        d[k] += 10
    print(d, "s" in d, "z" in d, len(d))
    x = 2 ** 62 - 1
    print(x, x // 3, x % 1000, -x // 7, -x % 7, (x // 2) * 2 + 1 == x, 7 // -2, -7 % 3, 7 % -3)
    print(3 if x > 0 else 4, 0 < 1 < 2 < 3, 1 < 2 > 3, "a" < "b" < "c")
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(entry_point(sys.argv))

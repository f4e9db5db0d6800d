class Point(object):
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def as_tuple(self):
        return (self.x, self.y)


def entry_point(argv):
    pairs = [(1, "one"), (2, "two"), (3, "three")]
    print(pairs)
    print(str(pairs), repr(pairs[0]), pairs[1:])
    words = ["it's", 'say "hi"', "back\\slash", "tab\t", "", "naïve", "日本"]
    print(words)
    for w in words:
        print(repr(w), len(w), str(w))
    dl = {"evens": [0, 2, 4], "odds": [1, 3], "none": []}
    print(dl)
    print(list(dl.items()))
    print(list(dl.keys()), list(dl.values()))
    nested = [[[1], [2, 3]], [], [[4]]]
    print(nested, len(nested))
    floats = [0.1, 1.0, -2.5, 1e100, 1.0 / 7, 3e-9, 123456789.0, 1e16]
    print(floats)
    print((1,), (1, 2.0, "3", None, True), ())
    bools = [True, False, 1 == 1, 2 < 1]
    print(bools, sum([1 for b in bools if b]))
    opt = ["a", None, "c"]
    print(opt, [s is None for s in opt])
    pts = [Point(i, i * i) for i in range(4)]
    print([p.as_tuple() for p in pts])
    d2 = {}
    for p in pts:
        d2[p.as_tuple()] = p.x + p.y
    print(d2)
    fd = {1.5: "a", -0.0: "b", 2.0: "c"}
    print(fd)
    bd = {b"k1": [b"v", b"\x00\xff"], b"": []}
    print(bd)
    print("sep", "test", sep="|", end="!\n")
    print("a", 1, 2.5, None, [1], (2,), {3: 4}, sep=", ")
    print()
    print("%s and %r" % (pairs, words[:2]))
    print("%s / %s / %r" % (dl, (1, "x"), {"k": (1.5, None)}))
    print(f"{pairs} {dl['evens']} {floats[4]:.3f} {words[0]!r}")
    print(f"[{'left':<8}] [{'right':>8}] [{'mid':^8}] [{42:+06d}] [{3.14159:.2e}]")
    s = str([1, 2]) + str((3,)) + str({})
    print(s, len(s))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

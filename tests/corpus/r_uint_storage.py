# r_uint values stored in attributes, lists, tuples and dict values; r_uint(<literal above 2**63>).
from rpython.rlib.rarithmetic import r_uint, intmask

FNV_BASIS = r_uint(0xcbf29ce484222325)
TOP = r_uint(0x8000000000000000)
TABLE = [r_uint(1), r_uint(0xFFFFFFFFFFFFFFFF), TOP]


class Hasher(object):
    def __init__(self):
        self.h = FNV_BASIS
        self.count = 0
        self.history = [r_uint(0)] * 3

    def feed(self, s):
        for c in s:
            self.h ^= r_uint(ord(c))
            self.h *= r_uint(0x100000001b3)
        self.history[self.count % 3] = self.h
        self.count += 1
        return self.h


class SplitMix(object):
    def __init__(self, seed):
        self.state = r_uint(seed)

    def next(self):
        self.state += r_uint(0x9E3779B97F4A7C15)
        z = self.state
        z = (z ^ (z >> 30)) * r_uint(0xBF58476D1CE4E5B9)
        z = (z ^ (z >> 27)) * r_uint(0x94D049BB133111EB)
        return z ^ (z >> 31)


def entry_point(argv):
    hs = Hasher()
    for w in ["", "a", "hello", "rpython"]:
        print(w, intmask(hs.feed(w)), str(hs.h))
    print([str(x) for x in hs.history], hs.count)
    sm = SplitMix(1234567)
    vals = [sm.next() for _ in range(4)]
    print([str(v) for v in vals], intmask(vals[0]) < 0)
    pair = (vals[0], 7)
    print(str(pair[0]), pair[1], str(TABLE[1]), intmask(TABLE[2]), str(TOP >> 63))
    by_name = {}
    by_name["top"] = TOP
    by_name["one"] = TABLE[0]
    print(sorted([(k, str(v)) for k, v in by_name.items()]))
    TABLE.append(TOP + r_uint(len(argv)))
    TABLE[0] = r_uint(0xFFFFFFFFFFFFFFFE)
    print([str(x) for x in TABLE], str(TABLE[0] > TABLE[2]))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

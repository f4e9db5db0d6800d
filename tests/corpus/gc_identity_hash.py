# Identity hashes stay the same while objects move, and dicts keyed by
# instances keep finding them across many allocations.
from rpython.rlib.objectmodel import compute_identity_hash


class Key(object):
    def __init__(self, n):
        self.n = n


def garbage(n):
    t = 0
    for i in range(n):
        k = Key(i)
        t += k.n
    return t


def entry_point(argv):
    keys = []
    hashes = []
    d = {}
    for i in range(1000):
        k = Key(i)
        keys.append(k)
        hashes.append(compute_identity_hash(k))
        d[k] = i
        garbage(100)
    garbage(300000)
    same = 0
    found = 0
    for i in range(1000):
        if compute_identity_hash(keys[i]) == hashes[i]:
            same += 1
        if d[keys[i]] == i:
            found += 1
    print(same, found, len(d))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

# Python 2 dict methods: iteritems/iterkeys/itervalues iterate, keys(),
# values() and items() are fresh lists, has_key tests membership. Output
# never depends on CPython 2's hash order (RPython's dicts keep insertion
# order, as ours do): lists are sorted before printing.
import sys


def histogram(words):
    counts = {}
    for w in words:
        if counts.has_key(w):
            counts[w] += 1
        else:
            counts[w] = 1
    return counts


def entry_point(argv):
    counts = histogram("the cat and the dog and the bird".split(" "))
    keys = counts.keys()
    keys.sort()
    for k in keys:
        print k, counts[k]
    total = 0
    for v in counts.itervalues():
        total += v
    print "total", total
    pairs = []
    for k, v in counts.iteritems():
        pairs.append((v, k))
    pairs.sort()
    print pairs
    n = 0
    for k in counts.iterkeys():
        n += len(k)
    print "letters", n
    items = counts.items()
    items.sort()
    print items
    vals = counts.values()
    vals.sort()
    print vals
    print counts.has_key("cat"), counts.has_key("cow"), "dog" in counts
    squares = {}
    for i in xrange(6):
        squares[i] = i * i
    ks = squares.keys()
    ks.append(99)
    print len(ks), ks[-1], len(squares)
    return 0


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))

# A Markov text generator with a fixed LCG seed.

TEXT = """the cat sat on the mat and the dog sat on the log
the cat saw the dog and the dog saw the cat
a bird sat on the dog and the cat ran off the mat
then the bird flew to the log and the dog ran after it"""


class Lcg(object):
    MOD = 2 ** 31
    MUL = 1103515245
    INC = 12345

    def __init__(self, seed):
        self.state = seed

    def next(self):
        self.state = (self.state * Lcg.MUL + Lcg.INC) % Lcg.MOD
        return self.state

    def below(self, n):
        return (self.next() >> 8) % n


def build_chain(words, order):
    chain = {}
    for i in range(len(words) - order):
        key = " ".join(words[i:i + order])
        if key not in chain:
            chain[key] = []
        chain[key].append(words[i + order])
    return chain


def generate(chain, rng, start, n, order):
    out = start.split(" ")
    while len(out) < n:
        key = " ".join(out[-order:])
        nxt = chain.get(key, None)
        if nxt is None:
            break
        out.append(nxt[rng.below(len(nxt))])
    return out


def wrap(words, width):
    lines = []
    cur = ""
    for w in words:
        if len(cur) + len(w) + 1 > width and cur:
            lines.append(cur)
            cur = w
        else:
            cur = cur + " " + w if cur else w
    if cur:
        lines.append(cur)
    return lines


def entry_point(argv):
    words = TEXT.split()
    print("words", len(words), "distinct", len(set_of(words)))
    for order in (1, 2):
        chain = build_chain(words, order)
        keys = sorted(chain.keys())
        print("order", order, "keys", len(keys))
        for k in keys[:6]:
            print("  %r -> %s" % (k, "|".join(sorted(chain[k]))))
        rng = Lcg(42 + order)
        start = " ".join(words[:order])
        for trial in range(3):
            out = generate(chain, rng, start, 25, order)
            for line in wrap(out, 40):
                print("   ", line)
            print("   --", len(out), rng.state)
    return 0


def set_of(words):
    d = {}
    for w in words:
        d[w] = True
    return d


if __name__ == "__main__":
    import sys

    sys.exit(entry_point(sys.argv))

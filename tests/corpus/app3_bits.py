# Bit tricks with r_uint and intmask: popcount, bit reversal, rotations, xorshift PRNG, Gray codes, FNV hashing, bitsets.
from rpython.rlib.rarithmetic import r_uint, intmask, ovfcheck

MASK32 = r_uint(0xFFFFFFFF)
POP8 = [0] * 256
for _i in range(256):
    POP8[_i] = (_i & 1) + POP8[_i >> 1]


def popcount(x):
    u = r_uint(x)
    n = 0
    while u:
        n += POP8[intmask(u & r_uint(0xFF))]
        u >>= 8
    return n


def reverse32(x):
    u = r_uint(x) & MASK32
    r = r_uint(0)
    for i in range(32):
        r = (r << 1) | (u & r_uint(1))
        u >>= 1
    return intmask(r)


def rotl64(x, k):
    u = r_uint(x)
    return intmask((u << k) | (u >> (64 - k)))


class XorShift(object):
    def __init__(self, seed):
        self.state = r_uint(seed)

    def next(self):
        x = self.state
        x ^= x << 13
        x ^= x >> 7
        x ^= x << 17
        self.state = x
        return x

    def below(self, n):
        return intmask(self.next() % r_uint(n))


def fnv1a(s):
    h = r_uint(0xcbf29ce484222325)
    for c in s:
        h ^= r_uint(ord(c))
        h *= r_uint(0x100000001b3)
    return h


def gray(n):
    return n ^ (n >> 1)


def lowest_set(x):
    return x & -x


def checked_shift(x, k):
    try:
        return ovfcheck(x * (1 << k))
    except OverflowError:
        return -1


class BitSet(object):
    def __init__(self, size):
        self.words = [r_uint(0)] * ((size + 63) // 64)

    def add(self, i):
        self.words[i >> 6] |= r_uint(1) << (i & 63)

    def contains(self, i):
        return (self.words[i >> 6] >> (i & 63)) & r_uint(1) != r_uint(0)

    def count(self):
        return sum([popcount(intmask(w)) for w in self.words])


def entry_point(argv):
    for x in [0, 1, 255, 256, 0x7FFFFFFF, -1, -2, 1 << 62, 12345678901]:
        print("%22d pop=%2d rev=%08x low=%d" % (x, popcount(x), reverse32(x) & 0xFFFFFFFF, lowest_set(x)))
    print([rotl64(1, k) for k in [1, 8, 63]], rotl64(-2, 1), rotl64(0x123456789, 32))
    rng = XorShift(88172645463325252)
    print([intmask(rng.next()) for _ in range(3)])
    print([rng.below(100) for _ in range(12)])
    for w in ["", "a", "foobar", "rpython"]:
        h = fnv1a(w)
        print("fnv1a(%r) = %x, %d" % (w, intmask(h) & 0xFFFFFFFFFFFF, intmask(h)))
    print([gray(i) for i in range(16)])
    print([f"{gray(i):04b}" for i in range(8)])
    print(checked_shift(1, 10), checked_shift(1, 62), checked_shift(3, 62), checked_shift(-2, 62), checked_shift(2, 62))
    bs = BitSet(200)
    for i in range(0, 200, 7):
        bs.add(i)
    bs.add(199)
    print(bs.count(), bs.contains(63), bs.contains(64), bs.contains(199), bs.contains(198))
    u = r_uint(3)
    v = r_uint(5)
    print(intmask(u - v), u < v, intmask(u * v), intmask(v // u), intmask(r_uint(-1) >> 60))
    big = r_uint(1) << 63
    print(big > r_uint(0), intmask(big), intmask(big - r_uint(1)))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

# Prime sieves and number theory: Eratosthenes, segmented sieve, factorisation, totient, Miller-Rabin with r_uint-free modmul, Goldbach.
from rpython.rlib.rarithmetic import ovfcheck


def sieve(n):
    is_p = [True] * (n + 1)
    is_p[0] = False
    if n >= 1:
        is_p[1] = False
    i = 2
    while i * i <= n:
        if is_p[i]:
            for j in range(i * i, n + 1, i):
                is_p[j] = False
        i += 1
    return [k for k in range(n + 1) if is_p[k]]


SMALL = sieve(1000)


def segmented(lo, hi):
    mark = [True] * (hi - lo)
    for p in SMALL:
        if p * p >= hi:
            break
        start = max(p * p, (lo + p - 1) // p * p)
        for m in range(start, hi, p):
            mark[m - lo] = False
    return [lo + i for i in range(hi - lo) if mark[i] and lo + i > 1]


def factorize(n):
    factors = []
    for p in SMALL:
        if p * p > n:
            break
        while n % p == 0:
            factors.append(p)
            n //= p
    if n > 1:
        factors.append(n)
    return factors


def totient(n):
    result = n
    last = 0
    for p in factorize(n):
        if p != last:
            result -= result // p
            last = p
    return result


def mulmod(a, b, m):
    # double-and-add so that nothing overflows for m < 2**62
    result = 0
    a %= m
    while b > 0:
        if b & 1:
            result = (result + a) % m
        a = (a * 2) % m
        b >>= 1
    return result


def powmod(b, e, m):
    r = 1
    b %= m
    while e > 0:
        if e & 1:
            r = mulmod(r, b, m)
        b = mulmod(b, b, m)
        e >>= 1
    return r


def is_prime(n):
    if n < 2:
        return False
    for p in [2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37]:
        if n % p == 0:
            return n == p
    d = n - 1
    s = 0
    while d % 2 == 0:
        d //= 2
        s += 1
    for a in [2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37]:
        x = powmod(a, d, n)
        if x == 1 or x == n - 1:
            continue
        composite = True
        for _ in range(s - 1):
            x = mulmod(x, x, n)
            if x == n - 1:
                composite = False
                break
        if composite:
            return False
    return True


def primorial_until_overflow():
    acc = 1
    count = 0
    for p in SMALL:
        try:
            acc = ovfcheck(acc * p)
        except OverflowError:
            return acc, count, p
        count += 1
    return acc, count, 0


def entry_point(argv):
    print(len(SMALL), SMALL[:15], SMALL[-3:])
    print(segmented(1000000, 1000100))
    for n in [1, 2, 360, 97, 1001, 65536, 999999, 600851475143, 9007199254740993]:
        print(n, factorize(n), totient(n) if n < 10 ** 7 else -1)
    big = [2305843009213693951, 1000000007, 1000000007 * 998244353, 4611686018427387847, 561, 1 << 61]
    print([is_prime(x) for x in big])
    print(sum([1 for k in range(5000) if is_prime(k)]) == len(sieve(4999)))
    for even in [4, 28, 100, 9998]:
        for p in SMALL:
            if is_prime(even - p):
                print("%d = %d + %d" % (even, p, even - p))
                break
    acc, count, stop = primorial_until_overflow()
    print("primorial of first %d primes = %d; *%d overflows" % (count, acc, stop))
    gaps = {}
    for i in range(1, len(SMALL)):
        g = SMALL[i] - SMALL[i - 1]
        gaps[g] = gaps.get(g, 0) + 1
    print(sorted(gaps.items()))
    twins = [(SMALL[i - 1], SMALL[i]) for i in range(1, len(SMALL)) if SMALL[i] - SMALL[i - 1] == 2]
    print(len(twins), twins[-3:])
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

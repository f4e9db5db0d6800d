from rpython.rlib.rarithmetic import intmask, r_uint, ovfcheck


def gcd(a, b):
    while b:
        a, b = b, a % b
    return abs(a)


def egcd(a, b):
    if b == 0:
        return a, 1, 0
    g, x, y = egcd(b, a % b)
    return g, y, x - (a // b) * y


def modinv(a, m):
    g, x, y = egcd(a, m)
    if g != 1:
        raise ValueError("%d has no inverse mod %d" % (a, m))
    return x % m


def sieve(n):
    is_p = [True] * (n + 1)
    is_p[0] = False
    is_p[1] = False
    i = 2
    while i * i <= n:
        if is_p[i]:
            for j in range(i * i, n + 1, i):
                is_p[j] = False
        i += 1
    return [k for k in range(n + 1) if is_p[k]]


def factorize(n):
    factors = []
    d = 2
    while d * d <= n:
        while n % d == 0:
            factors.append(d)
            n //= d
        d += 1
    if n > 1:
        factors.append(n)
    return factors


def fnv1a(s):
    h = r_uint(2166136261)
    for ch in s:
        h = h ^ r_uint(ord(ch))
        h = (h * r_uint(16777619)) & r_uint(0xFFFFFFFF)
    return intmask(h)


def lcg_hash(n):
    x = 88172645463325252
    for i in range(n):
        x = intmask(x * 6364136223846793005 + 1442695040888963407)
    return x


def checked_factorial(n):
    r = 1
    for i in range(2, n + 1):
        r = ovfcheck(r * i)
    return r


def digits_in_base(n, base):
    if n == 0:
        return "0"
    digs = "0123456789abcdefghijklmnopqrstuvwxyz"
    neg = n < 0
    if neg:
        n = -n
    out = []
    while n:
        out.append(digs[n % base])
        n //= base
    if neg:
        out.append("-")
    out.reverse()
    return "".join(out)


def entry_point(argv):
    print("gcd", gcd(1071, 462), gcd(-12, 18), gcd(0, 5), gcd(17, 0))
    print("egcd", egcd(240, 46))
    for a, m in [(3, 11), (10, 17), (6, 9)]:
        try:
            print("inv(%d, %d) = %d" % (a, m, modinv(a, m)))
        except ValueError as e:
            print("error:", e)
    ps = sieve(200)
    print(len(ps), ps[:10], ps[-3:], sum(ps))
    twins = [(p, p + 2) for p in ps if p + 2 <= 200 and p + 2 in ps]
    print("twins:", twins)
    for n in [360, 97, 1001, 2 ** 20 + 1, 600851475143]:
        print(n, "=", " * ".join([str(f) for f in factorize(n)]))
    for w in ["", "a", "hello", "Hello, World!"]:
        print("fnv1a(%r) = %d (0x%x)" % (w, fnv1a(w), fnv1a(w)))
    print("lcg", lcg_hash(1000), lcg_hash(7))
    for n in [5, 20, 21, 25]:
        try:
            print("%d! = %d" % (n, checked_factorial(n)))
        except OverflowError:
            print("%d! overflows" % n)
    for n, b in [(255, 2), (255, 16), (-1295, 36), (0, 7), (123456789, 8)]:
        print(n, b, digits_in_base(n, b), int(digits_in_base(n, b), b) == n)
    big = 0
    for i in range(1, 200001):
        big = intmask(big + i * i * i)
    print("sum of cubes (wrapped):", big)
    print(7 // 2, -7 // 2, 7 % -3, -7 % 3, 2 ** 62, -9223372036854775807 - 1, 1 << 40, -17 >> 2)
    u = r_uint(3) - r_uint(5)
    print(intmask(u), u > r_uint(1000))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

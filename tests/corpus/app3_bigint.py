# Big-integer arithmetic on lists of base-10000 digits (little endian): add, sub, mul, divmod by small, compare, power, factorial.

BASE = 10000
WIDTH = 4


class BigNum(object):
    def __init__(self, digits, neg):
        while len(digits) > 1 and digits[-1] == 0:
            digits.pop()
        self.digits = digits
        self.neg = neg and not (len(digits) == 1 and digits[0] == 0)

    def tostr(self):
        parts = [str(self.digits[-1])]
        for i in range(len(self.digits) - 2, -1, -1):
            s = str(self.digits[i])
            parts.append("0" * (WIDTH - len(s)) + s)
        return ("-" if self.neg else "") + "".join(parts)


def from_int(n):
    neg = n < 0
    if neg:
        n = -n
    digits = []
    while True:
        digits.append(n % BASE)
        n //= BASE
        if n == 0:
            break
    return BigNum(digits, neg)


def from_str(s):
    neg = s.startswith("-")
    if neg:
        s = s[1:]
    if not s or not s.isdigit():
        raise ValueError("invalid literal for bignum: %r" % s)
    digits = []
    end = len(s)
    while end > 0:
        start = max(0, end - WIDTH)
        digits.append(int(s[start:end]))
        end = start
    return BigNum(digits, neg)


def cmp_abs(a, b):
    if len(a) != len(b):
        return -1 if len(a) < len(b) else 1
    for i in range(len(a) - 1, -1, -1):
        if a[i] != b[i]:
            return -1 if a[i] < b[i] else 1
    return 0


def add_abs(a, b):
    out = []
    carry = 0
    for i in range(max(len(a), len(b))):
        s = carry
        if i < len(a):
            s += a[i]
        if i < len(b):
            s += b[i]
        out.append(s % BASE)
        carry = s // BASE
    if carry:
        out.append(carry)
    return out


def sub_abs(a, b):
    # requires |a| >= |b|
    out = []
    borrow = 0
    for i in range(len(a)):
        d = a[i] - borrow - (b[i] if i < len(b) else 0)
        borrow = 0
        if d < 0:
            d += BASE
            borrow = 1
        out.append(d)
    return out


def add(x, y):
    if x.neg == y.neg:
        return BigNum(add_abs(x.digits, y.digits), x.neg)
    c = cmp_abs(x.digits, y.digits)
    if c == 0:
        return from_int(0)
    if c > 0:
        return BigNum(sub_abs(x.digits, y.digits), x.neg)
    return BigNum(sub_abs(y.digits, x.digits), y.neg)


def neg(x):
    return BigNum(x.digits[:], not x.neg)


def mul(x, y):
    out = [0] * (len(x.digits) + len(y.digits))
    for i, a in enumerate(x.digits):
        carry = 0
        for j, b in enumerate(y.digits):
            t = out[i + j] + a * b + carry
            out[i + j] = t % BASE
            carry = t // BASE
        k = i + len(y.digits)
        while carry:
            t = out[k] + carry
            out[k] = t % BASE
            carry = t // BASE
            k += 1
    return BigNum(out, x.neg != y.neg)


def divmod_small(x, d):
    if d == 0:
        raise ZeroDivisionError("bignum division by zero")
    out = [0] * len(x.digits)
    rem = 0
    for i in range(len(x.digits) - 1, -1, -1):
        cur = rem * BASE + x.digits[i]
        out[i] = cur // d
        rem = cur % d
    return BigNum(out, x.neg), rem


def power(x, n):
    result = from_int(1)
    while n > 0:
        if n & 1:
            result = mul(result, x)
        x = mul(x, x)
        n >>= 1
    return result


def factorial(n):
    r = from_int(1)
    for i in range(2, n + 1):
        r = mul(r, from_int(i))
    return r


def digit_sum(x):
    s = 0
    for c in x.tostr():
        if c != "-":
            s += ord(c) - ord("0")
    return s


def entry_point(argv):
    a = from_str("123456789012345678901234567890")
    b = from_str("-987654321098765432109876543210")
    print("a   =", a.tostr())
    print("b   =", b.tostr())
    print("a+b =", add(a, b).tostr())
    print("a-b =", add(a, neg(b)).tostr())
    print("a*b =", mul(a, b).tostr())
    print("b+b+a*0 =", add(add(b, b), mul(a, from_int(0))).tostr())
    print("2^200 =", power(from_int(2), 200).tostr())
    f = factorial(50)
    print("50! =", f.tostr())
    print("digit sum of 100! =", digit_sum(factorial(100)))
    q, r = divmod_small(f, 97)
    print("50! divmod 97 =", q.tostr(), r)
    q, r = divmod_small(from_str("1000000000000"), 7)
    print("10^12 divmod 7 =", q.tostr(), r)
    fib_a, fib_b = from_int(0), from_int(1)
    for i in range(300):
        fib_a, fib_b = fib_b, add(fib_a, fib_b)
    print("fib(300) =", fib_a.tostr(), "digits:", len(fib_a.tostr()))
    print("-0 =", from_str("-0000").tostr(), from_int(-12345678).tostr(), from_int(10000).tostr())
    for bad in ["12a4", "", "-"]:
        try:
            from_str(bad)
        except ValueError as e:
            print("ValueError:", e)
    try:
        divmod_small(a, 0)
    except ZeroDivisionError as e:
        print("ZeroDivisionError:", e)
    print(cmp_abs(a.digits, b.digits), cmp_abs(b.digits, a.digits), cmp_abs(a.digits, a.digits))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

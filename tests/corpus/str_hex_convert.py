DIGITS = "0123456789abcdef"


def to_base(n, base):
    if n == 0:
        return "0"
    neg = n < 0
    if neg:
        n = -n
    out = ""
    while n > 0:
        out = DIGITS[n % base] + out
        n //= base
    if neg:
        out = "-" + out
    return out


def entry_point(argv):
    for n in range(-3, 40, 7):
        s2 = to_base(n, 2)
        s16 = to_base(n, 16)
        print("%4d %10s %4s %s %s" % (n, s2, s16, int(s2, 2) == n, f"{n:x}" == s16))
    print(to_base(255, 16).upper(), to_base(1000000, 36 - 20).zfill(8))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

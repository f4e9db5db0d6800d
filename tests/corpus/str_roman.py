VALUES = "1000 900 500 400 100 90 50 40 10 9 5 4 1"
SYMBOLS = "M CM D CD C XC L XL X IX V IV I"


def to_roman(n):
    vals = VALUES.split()
    syms = SYMBOLS.split()
    out = ""
    for i in range(len(vals)):
        v = int(vals[i])
        while n >= v:
            out += syms[i]
            n -= v
    return out


def from_roman(s):
    vals = VALUES.split()
    syms = SYMBOLS.split()
    total = 0
    pos = 0
    for i in range(len(syms)):
        while s.startswith(syms[i], pos):
            total += int(vals[i])
            pos += len(syms[i])
    return total


def entry_point(argv):
    for n in range(1, 3000, 199):
        r = to_roman(n)
        print("%4d %-14s %s" % (n, r, from_roman(r) == n))
    print(to_roman(1994), to_roman(2024), from_roman("MMXXIV"))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

def entry_point(argv):
    f = {}
    f[0.5] = "half"
    f[-0.0] = "zero"
    f[1e100] = "big"
    print(f[0.0], f[0.5], f[1e100], 0.25 in f)
    print(f)
    b = {True: "yes", False: "no"}
    print(b[1 > 0], b[1 < 0], b)
    n = {}
    n[-1] = "m1"
    n[-2] = "m2"
    n[2 ** 62] = "huge"
    n[-9223372036854775807 - 1] = "min"
    print(n[-1], n[-2], n[2 ** 62], n[-9223372036854775807 - 1], n)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

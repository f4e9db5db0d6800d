def fast_pow(base, exp):
    result = 1
    while exp > 0:
        if exp & 1:
            result *= base
        base *= base
        exp >>= 1
    return result


def entry_point(argv):
    print(2 ** 62, 2 ** 0, 3 ** 20, (-3) ** 5, (-2) ** 10, 0 ** 0)
    i = 0
    while i < 63:
        if fast_pow(2, i) != 2 ** i:
            print("mismatch at", i)
        i += 9
    print(fast_pow(7, 13), fast_pow(-5, 7), fast_pow(10, 18))
    print(2 ** 62 - 1 + 2 ** 62)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

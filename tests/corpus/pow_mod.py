def pow_mod(base, exp, mod):
    result = 1
    base = base % mod
    while exp > 0:
        if exp % 2 == 1:
            result = result * base % mod
        exp = exp // 2
        base = base * base % mod
    return result


def is_probable_prime(n):
    if n < 4:
        return n >= 2
    for a in range(2, 6):
        if pow_mod(a, n - 1, n) != 1:
            return False
    return True


def entry_point(argv):
    print(pow_mod(2, 10, 1000), pow_mod(3, 200, 1000000007), pow_mod(7, 0, 13))
    print(pow_mod(123456789, 987654321, 1000000007))
    found = ""
    for n in range(1000, 1100):
        if is_probable_prime(n):
            found = found + str(n) + " "
    print(found)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

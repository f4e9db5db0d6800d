def gcd(a, b):
    while b:
        a, b = b, a % b
    return a


def gcd_rec(a, b):
    if b == 0:
        return a
    return gcd_rec(b, a % b)


def lcm(a, b):
    return a // gcd(a, b) * b


def entry_point(argv):
    print(gcd(48, 18), gcd(17, 5), gcd(0, 9), gcd(1071, 462))
    print(gcd_rec(270, 192), gcd_rec(2 ** 40, 6 ** 20))
    acc = 1
    for i in range(1, 31):
        acc = lcm(acc, i)
    print("lcm(1..30) =", acc)
    coprime = 0
    for a in range(1, 60):
        for b in range(1, 60):
            if gcd(a, b) == 1:
                coprime += 1
    print("coprime pairs:", coprime)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

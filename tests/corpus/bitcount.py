def popcount(n):
    count = 0
    while n:
        n &= n - 1
        count += 1
    return count


def highest_bit(n):
    pos = -1
    while n > 0:
        n >>= 1
        pos += 1
    return pos


def entry_point(argv):
    for n in range(0, 40, 3):
        print(n, popcount(n), highest_bit(n))
    print(popcount(2 ** 62 - 1), highest_bit(2 ** 62))
    total = 0
    for n in range(1000):
        total += popcount(n)
    print("total bits below 1000:", total)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

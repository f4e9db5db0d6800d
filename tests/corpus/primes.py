# args: 200
def is_prime(n):
    if n < 2:
        return False
    if n % 2 == 0:
        return n == 2
    d = 3
    while d * d <= n:
        if n % d == 0:
            return False
        d += 2
    return True


def entry_point(argv):
    limit = 100
    if len(argv) > 1:
        limit = int(argv[1])
    line = ""
    count = 0
    for n in range(limit + 1):
        if is_prime(n):
            count += 1
            line = line + str(n) + " "
    print(line)
    print(count, "primes up to", limit)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

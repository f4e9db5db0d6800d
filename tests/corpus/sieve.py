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


def entry_point(argv):
    ps = sieve(100)
    print(ps)
    print(len(sieve(10000)), sum(sieve(1000)))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

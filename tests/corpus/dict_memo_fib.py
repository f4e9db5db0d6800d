cache = {}


def fib(n):
    if n < 2:
        return n
    if n in cache:
        return cache[n]
    r = fib(n - 1) + fib(n - 2)
    cache[n] = r
    return r


def entry_point(argv):
    print(fib(80))
    print(len(cache))
    print(fib(30), fib(50))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

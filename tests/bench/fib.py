# args: 32
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def entry_point(argv):
    n = 32
    if len(argv) > 1:
        n = int(argv[1])
    print("fib(" + str(n) + ") =", fib(n))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

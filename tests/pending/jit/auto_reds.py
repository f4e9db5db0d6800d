from rpython.rlib.jit import JitDriver

driver = JitDriver(greens=["n"], reds="auto")


def total(items, n):
    i = 0
    acc = 0
    while i < len(items):
        driver.jit_merge_point(n=n)
        acc += items[i] * n
        i += 1
    return acc


def entry_point(argv):
    print(total([1, 2, 3], 2))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

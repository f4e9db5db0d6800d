# Runaway recursion raises RecursionError, which can be caught.


def down(n):
    if n < 0:
        return 0
    return down(n + 1) + 1


def depth(n):
    if n == 0:
        return 0
    return depth(n - 1) + 1


def entry_point(argv):
    try:
        down(0)
        print("no error")
    except RecursionError:
        print("caught RecursionError")
    print(depth(500))
    try:
        down(0)
    except RecursionError:
        print("caught again")
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

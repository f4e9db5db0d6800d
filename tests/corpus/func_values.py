def add(a, b):
    return a + b


def sub(a, b):
    return a - b


def mul(a, b):
    return a * b


def pick(i):
    if i == 0:
        return add
    elif i == 1:
        return sub
    return mul


def apply_all(x, y):
    total = 0
    for i in range(3):
        f = pick(i)
        r = f(x, y)
        print(i, r)
        total += r
    return total


def entry_point(argv):
    print(apply_all(7, 3))
    op = add
    if len(argv) > 5:
        op = mul
    print(op(2, 5))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

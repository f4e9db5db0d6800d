# Exceptions raised in small (inlined) callees reach the caller's handlers,
# in order; unmatched ones propagate further out.


def check_positive(x):
    if x < 0:
        raise ValueError("negative")
    return x * 2


def safe_div(a, b):
    return a // b


def pick(x):
    if x == 0:
        raise KeyError("zero")
    if x == 1:
        raise IndexError("one")
    if x == 2:
        return 10 // (x - 2)
    return x


def classify(x):
    try:
        return pick(x)
    except IndexError:
        return -1
    except KeyError:
        return -2


def outer(x):
    try:
        return classify(x)
    except ZeroDivisionError:
        return -3


def wrapped(x):
    try:
        v = check_positive(x)
    except ValueError as e:
        print("caught")
        v = 0
    return v + 1


def entry_point(argv):
    n = len(argv)
    print(wrapped(5), wrapped(-5), wrapped(n))
    for i in range(5):
        print(i, outer(i))
    total = 0
    for d in range(-2, 3):
        try:
            total += safe_div(100, d)
        except ZeroDivisionError:
            print("division by zero at", d)
    print(total)
    try:
        check_positive(-n)
    except LookupError:
        print("wrong handler")
    except Exception:
        print("generic handler")
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

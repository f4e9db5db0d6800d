def checked_div(a, b):
    assert b != 0, "divisor is zero"
    return a // b


def positive(x):
    assert x > 0
    return x


def entry_point(argv):
    print(checked_div(10, 3))
    try:
        checked_div(1, 0)
    except AssertionError as e:
        print("assertion:", e)
    try:
        positive(-1)
    except AssertionError as e:
        print("assertion without message", str(e) == "")
    print(positive(5))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

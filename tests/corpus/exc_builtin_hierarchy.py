def fail(i):
    if i == 0:
        raise ValueError("value")
    if i == 1:
        raise IndexError("index")
    if i == 2:
        raise KeyError("key")
    if i == 3:
        raise ZeroDivisionError("zero")
    if i == 4:
        raise NotImplementedError("later")
    return i


def classify(i):
    try:
        fail(i)
    except LookupError as e:
        return "lookup " + str(e)
    except ArithmeticError as e:
        return "arith " + str(e)
    except RuntimeError as e:
        return "runtime " + str(e)
    except Exception as e:
        return "other " + str(e)
    return "none"


def entry_point(argv):
    for i in range(6):
        print(i, classify(i))
    try:
        x = 10 // (len(argv) - len(argv))
        print(x)
    except ArithmeticError as e:
        print("caught", e)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

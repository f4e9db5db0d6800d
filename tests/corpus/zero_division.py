def divide(a, b):
    return a // b


def entry_point(argv):
    print("before")
    for d in range(3, -1, -1):
        print(12, "//", d, "=", divide(12, d))
    print("never printed")
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

def entry_point(argv):
    x = len(argv) - 1
    print("x is", x)
    print(100 % x)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

def entry_point(argv):
    y = 2.0
    while y > -1.0:
        print(1.0 / y)
        y -= 1.0
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

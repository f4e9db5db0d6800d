def entry_point(argv):
    print("hello, world")
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

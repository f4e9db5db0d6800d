def entry_point(argv):
    print("exiting with 3")
    return 3


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

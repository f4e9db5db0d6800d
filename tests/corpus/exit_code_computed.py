# args: 47
def entry_point(argv):
    n = int(argv[1])
    code = n % 7 + 40
    print("code", code)
    if code > 100:
        return 1
    return code


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

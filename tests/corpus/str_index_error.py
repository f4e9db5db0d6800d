def safe_char(s, i):
    try:
        return s[i]
    except IndexError:
        return "?"


def entry_point(argv):
    s = "hello"
    out = ""
    for i in range(-7, 8):
        out += safe_char(s, i)
    print(out)
    print(s[len(s) - 1], s[-len(s)])
    e = ""
    try:
        print(e[0])
    except IndexError as ex:
        print("IndexError", str(ex))
    print(s[10])
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

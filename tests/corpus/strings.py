def repeat(s, n):
    result = ""
    for i in range(n):
        result = result + s
    return result


def entry_point(argv):
    a = "hello"
    b = "world"
    print(a + ", " + b + "!")
    print(repeat("ab", 5))
    print(repeat("-", 20))
    print("")
    print("tab\there", "quote\"inside", 'single \'q\'')
    print("back\\slash", "unicode: caf\u00e9 \u03bb")
    line = ""
    for i in range(1, 6):
        line = line + str(i) + "*" + str(i) + "=" + str(i * i) + "; "
    print(line)
    empty = ""
    print(empty + empty + "x" + empty)
    print("multi\nline\nstring")
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

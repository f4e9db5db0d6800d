def entry_point(argv):
    text = "line one\nline two\r\nline three\rlast"
    lines = text.splitlines()
    for i in range(len(lines)):
        print(i, repr(lines[i]))
    kept = text.splitlines(True)
    for i in range(len(kept)):
        print(i, repr(kept[i]))
    print(len("".splitlines()), len("\n".splitlines()), len("a\n\nb".splitlines()), len("x\n".splitlines(keepends=True)))
    print(repr("\n".join("a\nb\n".splitlines())))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

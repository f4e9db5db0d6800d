def wrap(text, width):
    out = ""
    words = text.split()
    line = ""
    for i in range(len(words)):
        w = words[i]
        if len(line) + len(w) + (1 if line else 0) > width:
            out += line + "\n"
            line = w
        elif line:
            line += " " + w
        else:
            line = w
    if line:
        out += line + "\n"
    return out


def entry_point(argv):
    text = ("RPython is a restricted subset of Python that is amenable to static analysis. "
            "It is used to write interpreters which are then translated into C or machine code, "
            "with a JIT compiler generated automatically.")
    for width in range(20, 61, 20):
        print("width %d:" % width)
        w = wrap(text, width)
        lines = w.splitlines()
        for i in range(len(lines)):
            print("  |" + lines[i].ljust(width) + "|")
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

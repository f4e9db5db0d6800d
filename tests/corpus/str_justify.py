def justify(words, width):
    line = ""
    for i in range(len(words)):
        w = words[i]
        if line == "":
            line = w
        elif len(line) + 1 + len(w) <= width:
            line = line + " " + w
        else:
            print("|" + line.ljust(width) + "|" + line.rjust(width) + "|" + line.center(width, ".") + "|")
            line = w
    if line != "":
        print("|" + line.ljust(width) + "|" + line.rjust(width) + "|" + line.center(width, ".") + "|")


def entry_point(argv):
    text = "Lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor incididunt ut labore"
    justify(text.split(), 24)
    print("42".zfill(5), "-42".zfill(5), "+7".zfill(4), "abc".zfill(2), "".zfill(3))
    print("ab".center(5), "[" + "ab".center(6, "*") + "]", "abc".center(2))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

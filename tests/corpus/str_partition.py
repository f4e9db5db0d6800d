def parse_kv(line):
    k, sep, v = line.partition("=")
    if sep == "":
        return "no value for " + k.strip()
    return k.strip() + " -> " + v.strip()


def entry_point(argv):
    lines = "name = rpython|version=0.1|flag|path = /a/b=c".split("|")
    for i in range(len(lines)):
        print(parse_kv(lines[i]))
    a, b, c = "archive.tar.gz".rpartition(".")
    print(a, b, c)
    a, b, c = "noext".rpartition(".")
    print(repr(a), repr(b), repr(c))
    t = "x:y:z".partition(":")
    print(t[0], t[2])
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

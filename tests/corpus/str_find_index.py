def report(s, sub):
    print(sub, s.find(sub), s.rfind(sub), s.count(sub))


def entry_point(argv):
    s = "the quick brown fox jumps over the lazy dog"
    report(s, "the")
    report(s, "o")
    report(s, "cat")
    report(s, "")
    print(s.find("o", 15), s.find("o", 15, 20), s.rfind("o", 0, 20), s.find("o", -5))
    print(s.index("fox"), s.rindex("o"))
    print(s.count("o", 10, 30), "abababa".count("aba"))
    try:
        s.index("cat")
    except ValueError as e:
        print("ValueError:", str(e))
    try:
        s.rindex("zzz", 3)
    except ValueError:
        print("rindex failed")
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

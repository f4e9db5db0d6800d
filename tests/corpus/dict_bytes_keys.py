def entry_point(argv):
    d = {b"abc": 1, b"": 2}
    d[b"x\x00y"] = 3
    print(d[b"abc"], d[b""], d[b"x\x00y"], b"q" in d)
    print(d)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

def entry_point(argv):
    names = ["delta", "alpha", "charlie", "bravo"]
    names.sort()
    print(names)
    print("alpha" in names, "echo" in names)
    lengths = [len(n) for n in names]
    print(lengths, max(lengths), min(names), max(names))
    caps = [n[0] + n[1:] for n in names if n != "bravo"]
    print(caps)
    names.remove("charlie")
    names.insert(1, "zulu")
    print(names, names.index("zulu"))
    print(names == ["alpha", "zulu", "bravo", "delta"], names != names[:])
    parts = []
    for n in reversed(names):
        parts.append(n[:2])
    print(parts)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

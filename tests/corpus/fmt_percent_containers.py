def entry_point(argv):
    items = [3, 1, 2]
    names = ["a", "b'c"]
    pairs = [(1, "x"), (2, "y")]
    table = {"k": [1.5, 2.0], "e": []}
    print("items=%s names=%r" % (items, names))
    print("pairs: %s" % (pairs,))
    print("table %s | %r" % (table, (1, None)))
    print("[%20s] [%-12s]" % (items, names))
    print(f"{items} {names!r} {pairs[0]} {table}")
    print(f"[{str(items):>12}]")
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

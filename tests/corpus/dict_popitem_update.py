def entry_point(argv):
    d = {"a": 1, "b": 2, "c": 3}
    print(d.popitem())
    print(d)
    e = {"b": 20, "z": 26}
    d.update(e)
    print(d)
    while d:
        k, v = d.popitem()
        print(k, v)
    print(len(d), d)
    try:
        d.popitem()
    except KeyError:
        print("empty popitem")
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

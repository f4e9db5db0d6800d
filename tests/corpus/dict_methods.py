def entry_point(argv):
    d = {"a": 1, "b": 2}
    print(d.get("a", 0), d.get("z", 42), d.get("b", 0))
    s = {"k": "v"}
    print(s.get("k"), s.get("nope"))
    print(d.setdefault("c", 3), d.setdefault("a", 100))
    print(d)
    print(d.pop("b"), d.pop("zz", -1))
    print(d)
    e = d.copy()
    e["new"] = 9
    print(d, e)
    d.update(e)
    print(d)
    d.clear()
    print(d, len(d))
    d["again"] = 1
    print(d)
    f = dict()
    f[3] = 4
    print(f, dict(f))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

from rpython.rlib.objectmodel import r_dict


def eq_nocase(a, b):
    return a.lower() == b.lower()


def hash_nocase(a):
    h = 0
    for ch in a.lower():
        h = (h * 31 + ord(ch)) & 0xFFFF
    return h


def eq_first(a, b):
    return a[0] == b[0]


def hash_const(a):
    return 7


def entry_point(argv):
    d = r_dict(eq_nocase, hash_nocase)
    d["Hello"] = 1
    d["WORLD"] = 2
    d["hello"] = 3
    print(len(d), d["HELLO"], d.get("world"), d.get("moon", -1), "World" in d, "moon" in d)
    print(d.keys(), d.values(), d.items())
    c = d.copy()
    c["HELLO"] = 10
    print(d["hello"], c["hello"], len(c))
    print(d.pop("WoRlD"), len(d), d.setdefault("hi", 5), d.setdefault("HI", 6))
    del d["HeLLo"]
    print(d.keys())
    try:
        print(d["nope"])
    except KeyError as e:
        print("KeyError")
    # All keys collide on the hash: only key_eq tells them apart; lists
    # are fine as keys since only the user's functions see them.
    m = r_dict(eq_first, hash_const, force_non_null=True)
    m[[1, 2]] = "a"
    m[[2, 3]] = "b"
    m[[1, 9]] = "c"
    print(len(m), m[[2]], m[[1]], m.keys())
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

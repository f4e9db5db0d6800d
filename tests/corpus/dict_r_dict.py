from rpython.rlib.objectmodel import r_dict


def eq_nocase(a, b):
    return a.lower() == b.lower()


def hash_nocase(a):
    h = 0
    for ch in a.lower():
        h = (h * 31 + ord(ch)) & 0xFFFFFF
    return h


def mod_eq(a, b):
    return a % 10 == b % 10


def mod_hash(a):
    return a % 10


def entry_point(argv):
    d = r_dict(eq_nocase, hash_nocase)
    d["Hello"] = 1
    d["WORLD"] = 2
    d["hello"] = 3
    print(len(d), d["HELLO"], d["world"])
    print("World" in d, "moon" in d)
    for k in d:
        print(k, d[k])
    del d["HeLLo"]
    print(len(d))
    m = r_dict(mod_eq, mod_hash)
    for i in range(35):
        m[i] = m.get(i, 0) + i
    for k, v in m.items():
        print(k, v)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

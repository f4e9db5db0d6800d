from rpython.rlib.rarithmetic import r_uint, intmask


def fnv1a(data):
    h = r_uint(-3750763034362895579)
    for c in data:
        h = h ^ r_uint(ord(c))
        h = h * r_uint(1099511628211)
    return h


def entry_point(argv):
    u = r_uint(-1)
    print(str(u))
    print(str(u + 1), str(u * u), str(u >> 60), str(r_uint(3) - 5))
    print(str(u // 2), str(r_uint(10) % 3), str(r_uint(5) & 3 | 8 ^ 1))
    print(str(-r_uint(1)), str(~r_uint(0)))
    h = fnv1a("rpython")
    print(str(h), intmask(h))
    x = r_uint(1)
    for i in range(70):
        x = x << 1 | r_uint(1)
    print(str(x))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

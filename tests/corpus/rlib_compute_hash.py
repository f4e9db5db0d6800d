from rpython.rlib.objectmodel import compute_hash


def entry_point(argv):
    print(compute_hash(42), compute_hash(-1), compute_hash(0), compute_hash(True))
    a = compute_hash("abc")
    b = compute_hash("ab" + "c")
    print(a == b)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

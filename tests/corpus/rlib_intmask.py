from rpython.rlib.rarithmetic import intmask, r_uint, r_int, is_valid_int


def hash_str(s):
    h = 5381
    for c in s:
        h = intmask(h * 33 + ord(c))
    return h


def entry_point(argv):
    print(hash_str("hello"), hash_str("the quick brown fox jumps over the lazy dog"))
    print(intmask(r_uint(-1)), intmask(r_uint(1) << 63), intmask(5), intmask(True))
    print(r_int(7) + 1)
    print(is_valid_int(3), is_valid_int(True))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

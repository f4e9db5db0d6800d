# An if/elif chain on one int becomes a jump table (dense cases 0..n);
# values outside the table (negative, just past the end, beyond 32 bits,
# 2**32 + a case) must take the final else, as in CPython.


def classify(op):
    if op == 0:
        return "zero"
    elif op == 1:
        return "one"
    elif op == 2:
        return "two"
    elif op == 3:
        return "three"
    elif op == 5:
        return "five"
    elif op == 6:
        return "six"
    else:
        return "other(%d)" % op


def entry_point(argv):
    values = [0, 1, 2, 3, 4, 5, 6, 7, -1, -7, 4294967296, 4294967297,
              4294967302, -4294967296, 9223372036854775807, -9223372036854775807 - 1]
    for v in values:
        print(v, classify(v))
    total = 0
    for i in range(-3, 12):
        total = total * 3 + len(classify(i))
    print(total)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

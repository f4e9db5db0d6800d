MIN = -9223372036854775807 - 1
MAX = 9223372036854775807


def entry_point(argv):
    print(MIN, MAX, MIN + MAX, MAX // 2, MIN // 2)
    print(MAX % 10, MIN % 10, MAX // -10, MIN // 10, MIN % -7)
    print(MAX >> 62, MIN >> 63, MIN >> 1, 1 << 62, -(1 << 62) * 2)
    print(2 ** 62 + (2 ** 62 - 1), -(2 ** 62) - 2 ** 62)
    print(MAX - 1, MIN + 1, -MAX, abs(MIN + 1))
    print(MIN < 0 < MAX, MIN == -MAX - 1, MAX & MIN, MAX | MIN, MAX ^ MIN)
    print(3 * 1000000000 * 1000000000, 10 ** 18 + 10 ** 18)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

def entry_point(argv):
    x = 100
    x += 5
    print(x)
    x -= 17
    print(x)
    x *= -3
    print(x)
    x //= 7
    print(x)
    x %= 11
    print(x)
    x **= 3
    print(x)
    x <<= 4
    print(x)
    x >>= 2
    print(x)
    x &= 0xF0F
    print(x)
    x |= 0x101
    print(x)
    x ^= 0xFFF
    print(x)
    f = 1.5
    f += 2
    f *= -1.25
    f /= 4
    f -= 0.125
    print(f)
    s = "ab"
    s += "cd"
    s += s
    print(s)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

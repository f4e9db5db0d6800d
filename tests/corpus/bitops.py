def entry_point(argv):
    a = 0b1011_0110
    b = 0x5A
    print(a & b, a | b, a ^ b, ~a, ~0, ~-1)
    print(1 << 10, 1 << 62, 255 >> 3, -255 >> 3, -1 >> 40, -1 << 5)
    print(-6 & 0xFF, -6 | 3, -6 ^ 3, 0o777 & 0o070)
    x = 12345
    mask = (1 << 8) - 1
    print(x & mask, (x >> 8) & mask, x >> 16)
    y = 0
    i = 0
    while i < 16:
        y = (y << 1) | (x & 1)
        x >>= 1
        i += 1
    print(y)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

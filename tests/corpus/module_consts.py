N = 10 * 3
HALF = N // 2
LIMIT = N * N + HALF
SCALE = 2.5
AREA = SCALE * SCALE * N
NAME = "const" + "ants"
FLAG = N > 20 and HALF < 20
MASK = (1 << 12) - 1
BIG = 2 ** 40 + 7


def entry_point(argv):
    print(N, HALF, LIMIT)
    print(SCALE, AREA)
    print(NAME, FLAG)
    print(MASK, BIG, BIG & MASK)
    total = 0
    for i in range(N):
        total += i * HALF
    print(total)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

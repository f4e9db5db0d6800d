def show(a, b):
    print(a, b, a // b, a % b, -a // b, -a % b)


def entry_point(argv):
    print(-7 // 2, 7 // -2, -7 // -2, 7 // 2)
    print(-7 % 2, 7 % -3, -7 % -3, 7 % 3)
    a = 1
    while a <= 13:
        b = -5
        while b <= 5:
            if b != 0:
                show(a, b)
            b += 3
        a += 4
    print(-1 // 1000000, -1 % 1000000, 0 // -3, 0 % -3)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

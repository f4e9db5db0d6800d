def to_base(n, base):
    if n == 0:
        return "0"
    neg = n < 0
    if neg:
        n = -n
    s = ""
    while n > 0:
        d = n % base
        s = digit(d) + s
        n //= base
    if neg:
        s = "-" + s
    return s


def digit(d):
    if d == 0:
        return "0"
    elif d < 10:
        return str(d)
    elif d == 10:
        return "a"
    elif d == 11:
        return "b"
    elif d == 12:
        return "c"
    elif d == 13:
        return "d"
    elif d == 14:
        return "e"
    return "f"


def num_digits(n):
    count = 1
    while n >= 10:
        n //= 10
        count += 1
    return count


def pad_num(n, width, fill):
    s = str(n)
    for i in range(width - num_digits(n)):
        s = fill + s
    return s


def group(n):
    if n < 0:
        return "-" + group(-n)
    if n < 1000:
        return str(n)
    return group(n // 1000) + "," + pad_num(n % 1000, 3, "0")


def entry_point(argv):
    for n in range(0, 40, 7):
        print(pad_num(n, 4, " "), to_base(n, 2), to_base(n, 8), to_base(n, 16))
    print(to_base(-255, 16), to_base(2 ** 62, 16), to_base(12345, 7))
    print(group(0), group(999), group(1000), group(1234567), group(-9876543210))
    print(pad_num(7, 5, "*"), pad_num(123456, 3, "*"))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

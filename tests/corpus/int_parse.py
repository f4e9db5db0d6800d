def entry_point(argv):
    print(int("123"), int("-45"), int("+17"), int("0"), int("007"))
    print(int("9223372036854775807"), int("-9223372036854775808"))
    total = 0
    s = "1"
    for i in range(10):
        total += int(s)
        s = s + "1"
    print(total)
    print(int("42") + int("58"), int(str(1234) + "5"))
    print(int(3.99), int(-3.99), int(1e10), int(True))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

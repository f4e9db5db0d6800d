def fmt_money(cents):
    sign = ""
    if cents < 0:
        sign = "-"
        cents = -cents
    return "%s$%d.%02d" % (sign, cents // 100, cents % 100)


def entry_point(argv):
    print("value: %d" % 5)
    print("name: %s" % "bob")
    print("float: %.3f" % 2.0)
    print("repr: %r" % "x")
    print("pct: %5.1f%%" % 12.345)
    amounts = "0 5 99 100 12345 -250 1000000".split()
    for i in range(len(amounts)):
        print(fmt_money(int(amounts[i])).rjust(14))
    for i in range(1, 6):
        print("%3d %6.3f %s" % (i, 1.0 / i, "*" * i))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

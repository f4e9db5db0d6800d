def fmt_point(x, y):
    return "(" + str(x) + ", " + str(y) + ")"


def entry_point(argv):
    x = 0.0
    y = 1.0
    for i in range(6):
        print(fmt_point(x, y))
        x, y = x + 0.5, y * -1.5
    print("c = " + str(299792458.0) + " m/s")
    print("h = " + str(6.62607015e-34))
    print("tiny " + str(2.5e-300) + " huge " + str(1.5e300))
    celsius = -40
    while celsius <= 100:
        f = celsius * 9.0 / 5.0 + 32.0
        print(str(celsius) + "C = " + str(f) + "F")
        celsius += 35
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

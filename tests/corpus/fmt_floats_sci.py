def entry_point(argv):
    x = 1.0
    for i in range(12):
        print("%-12g|%12.4e|%10.3f|%s|%r" % (x, x, x, f"{x:.5g}", x))
        x = x * -7.3
    y = 0.5
    for i in range(8):
        print(f"{y:e} {y:.2e} {y:g} {y:.3g} {y:%} {y:10.4f}")
        y = y / 13.0
    print("%.0f %.0f %.0f %.0f" % (0.5, 1.5, 2.5, -0.5))
    print("%g %g %g %g" % (100000.0, 1000000.0, 0.0001, 0.00001))
    print(f"{float('inf'):f} {float('-inf'):e} {float('nan'):g}")
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

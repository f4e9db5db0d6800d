def entry_point(argv):
    a = 42
    b = "spam"
    x = 3.14159
    print("%d %s" % (a, b))
    print("%5d|%-5d|%05d|%+d|% d" % (a, a, a, a, a))
    print("%x %X %o %#x %#o" % (255, 255, 8, 255, 8))
    print("%f %.2f %10.3f %-10.1f| %e %.3E %g %G" % (x, x, x, x, x, x, x, 1e-10))
    print("%s %r %s %r" % (b, b, x, 1.5))
    print("%-8s|%8s|%.2s" % (b, b, b))
    print("100%% done, %d%%" % 99)
    print("%d" % -7, "%s" % True, "%d" % True, "%r" % None, "%s" % "single")
    print("%d items" % 3.99, "%i" % -2.5, "%c%c" % (72, "i"))
    print("[%6.2f]" % -0.5, "[%08.3f]" % 2.5, "[%+.1e]" % 12345.678)
    print("%s and %s" % ("a'b", "c\"d"), "%r" % "it's")
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

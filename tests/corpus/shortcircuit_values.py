def entry_point(argv):
    print(0 or 5, 3 or 5, 0 and 5, 3 and 5)
    print(0.0 or 1.5, 2.5 and 0.0, 0.0 and 7.0)
    print("" or "fallback", "x" or "y", "" and "z", "p" and "q")
    a = 4
    b = 0
    x = a and b
    y = a or b
    z = b or a
    print(x, y, z)
    print(not a, not b, not not a, not "", not "s")
    print(True or False, True and False, False or False)
    n = 0
    m = n or 10
    print(m)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

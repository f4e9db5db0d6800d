def entry_point(argv):
    s = ""
    for i in range(5):
        s = s + str(i) + " "
    print(s)
    s = ""
    for i in range(3, 9):
        s = s + str(i) + " "
    print(s)
    s = ""
    for i in range(10, 0, -3):
        s = s + str(i) + " "
    print(s)
    s = ""
    for i in range(-5, 5, 4):
        s = s + str(i) + " "
    print(s)
    for i in range(0):
        print("never")
    for i in range(5, 5):
        print("never")
    for i in range(0, 5, -1):
        print("never")
    total = 0
    for i in range(100, -101, -7):
        total += i
    print(total)
    n = 4
    for i in range(n):
        n = 10
        print(i, n)
    last = -1
    for last in range(7):
        pass
    print("last", last)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

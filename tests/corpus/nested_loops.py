def entry_point(argv):
    for i in range(1, 10):
        line = ""
        for j in range(1, 10):
            if j > i:
                break
            if (i * j) % 4 == 0:
                continue
            line = line + str(i * j) + " "
        print(i, ":", line)
    found = 0
    for a in range(1, 30):
        for b in range(a, 30):
            c = 1
            while c * c < a * a + b * b:
                c += 1
            if c * c == a * a + b * b and c < 30:
                print("triple", a, b, c)
                found += 1
    print("found", found)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

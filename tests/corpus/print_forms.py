def entry_point(argv):
    print()
    print(1)
    print(1, 2, 3)
    print("a", "b", "c", sep="")
    print("a", "b", "c", sep=", ")
    print("no newline", end="")
    print(" <- joined")
    print(1, 2, sep="-", end="!\n")
    print(end="")
    print("x", end="\n\n")
    print(1.5, True, "s", -3, sep="|")
    print("tab", "sep", sep="\t", end=".\n")
    for i in range(5):
        print(i, end=" ")
    print()
    print("", "", sep="", end="")
    print("done")
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

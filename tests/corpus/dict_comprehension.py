def entry_point(argv):
    squares = {i: i * i for i in range(8)}
    print(squares)
    evens = {k: v for k, v in squares.items() if k % 2 == 0}
    print(evens)
    names = {s: len(s) for s in ["alpha", "be", "gamma", "be"]}
    print(names)
    inv = {v: k for k, v in names.items()}
    print(inv)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

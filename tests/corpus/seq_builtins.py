def entry_point(argv):
    l = [3, 1, 4, 1, 5]
    print(sum(l), min(l), max(l), sum(l, 10))
    f = [1.5, 2.5]
    print(sum(f), min(f), max(f))
    print(any(l), all(l), any([]), all([]), any([0, 0]), all([1, 0]))
    print(min(3, 1, 2), max(3, 1, 2), min("b", "a"), max(["x", "yy"]))
    print(sum(range(101)), max(range(5)), min("hello"))
    print(list(range(3)), list("ab"), list(l), list())
    print(sorted(l), l)
    try:
        e = [1]
        e.pop()
        min(e)
    except ValueError as e:
        print("ValueError:", str(e))
    print(len([1, 2]), len((1, 2, 3)))
    print(any([x > 4 for x in l]))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

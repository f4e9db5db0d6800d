# max()/min() of tuples: lexicographic order shared with sort; ties keep the FIRST
# maximal / minimal element (visible through 0.0 vs -0.0); ValueError on an empty list.


def pick(xs):
    return max(xs), min(xs)


def entry_point(argv):
    pairs = [(2, "b"), (3, "a"), (3, "c"), (1, "z"), (3, "c")]
    hi, lo = pick(pairs)
    print(hi, lo)
    print(max((1, 2), (1, 3)), min((1, 2), (1, 3)), max((5, "x"), (4, "y")))
    ties = [(1, 0.0), (1, -0.0), (0, 5.0), (1, 0.0)]
    print(max(ties), min([(0, -0.0), (0, 0.0)]), min([(0, 0.0), (0, -0.0)]))
    print(max((1, -0.0), (1, 0.0)), min((1, 0.0), (1, -0.0)))
    nested = [((1, 2), "p"), ((1, 1), "q"), ((0, 9), "r")]
    print(max(nested), min(nested))
    empty = [(0, "")]
    del empty[0]
    try:
        print(max(empty))
    except ValueError as e:
        print("ValueError:", str(e))
    try:
        print(min(empty))
    except ValueError as e:
        print("ValueError:", str(e))
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(entry_point(sys.argv))

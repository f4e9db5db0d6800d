def entry_point(argv):
    people = [("bob", 25), ("alice", 30), ("carol", 25), ("dave", 20)]
    people.sort()
    print(people)
    by_age = sorted([(age, name) for name, age in people])
    print(by_age)
    print(max(by_age) if False else by_age[-1], by_age[0])
    print(("a", 1) < ("a", 2), ("b", 0) > ("a", 9), (1, 2) <= (1, 2), (1, 3) >= (1, 4))
    print((1, 2) in [(1, 2), (3, 4)], (5, 6) in [(1, 2)])
    pts = [(0.5, 1), (0.25, 2)]
    pts.sort()
    print(pts, pts.index((0.5, 1)), pts.count((0.25, 2)))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

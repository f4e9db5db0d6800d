def entry_point(argv):
    d = {"x": 1, "y": 2, "z": 3}
    total = 0
    for v in d.values():
        total += v
    print(total)
    keys = ""
    for k in d.keys():
        keys += k
    print(keys)
    for k, v in d.items():
        print(k + "=" + str(v))
    print(len(d.keys()), len(d.items()))
    print("x" in d.keys(), "w" in d.keys())
    for i, k in enumerate(d):
        print(i, k)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

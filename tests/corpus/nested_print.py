def entry_point(argv):
    print([[1, 2], [3]])
    print([[[]]] if False else [[["a"]], [["b", "c"]]])
    print([(1, "x"), (2, "y")])
    print(((1, 2), [3.5]))
    print([None, None])
    print(["it's", 'say "hi"', "tab\t", "nl\n", "back\\slash", "é"])
    print([b"ab", b"\x00\xff"])
    t = (1, (2, (3, ())))
    print(t)
    print(str([1]) + "!", repr((1,)))
    x = [1e20, 1.0 / 3, 2.0 ** 70, -1.5e-7]
    print(x)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

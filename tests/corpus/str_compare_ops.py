def entry_point(argv):
    words = "pear apple fig banana apple cherry Apple".split()
    for i in range(len(words) - 1):
        a = words[i]
        b = words[i + 1]
        print(a, b, a < b, a <= b, a == b, a != b, a > b, a >= b)
    s = "abc"
    print("b" in s, "bc" in s, "ac" in s, "" in s, "x" not in s)
    print(s * 3, 2 * s, s * 0 == "", s * -1 == "", "-" * 10)
    print(s + "def", s[0] + s[-1], len(s * 4))
    print("é" > "z", "Z" < "a", "abc" < "abcd", "" < "a")
    t = ""
    for i in range(5):
        t += str(i)
    print(t, t == "01234", bool(t), bool(""))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

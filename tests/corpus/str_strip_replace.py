def entry_point(argv):
    s = "   padded text \t\n"
    print("[" + s.strip() + "]", "[" + s.lstrip() + "]", "[" + s.rstrip() + "]")
    print("xxhixyx".strip("xy"), "xxhixyx".lstrip("x"), "xxhixyx".rstrip("xy"))
    print("www.example.com".strip("cmowz."))
    t = "one two one two one"
    print(t.replace("one", "1"), t.replace("one", "1", 2), t.replace("two", ""))
    print("abc".replace("", "-"), "aaaa".replace("aa", "b"), "abc".replace("x", "y"))
    print("tab\tsep".replace("\t", " -> "))
    path = "/usr/local/bin/"
    print(path.strip("/").replace("/", "."))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

def entry_point(argv):
    record = b"id=7;name=widget;tags=a,b,c;;end"
    fields = record.split(b";")
    print(len(fields))
    for i in range(len(fields)):
        f = fields[i]
        k, sep, v = f.partition(b"=")
        print(i, k, sep == b"=", v, len(v.split(b",")))
    print(b"|".join(fields), b"".join(fields).count(b"="))
    print(record.rsplit(b";", 2)[0], record.replace(b";", b"\n").splitlines()[2])
    print(b"  \t data \n".strip(), b"xxdataxx".lstrip(b"x"), b"..a..".rstrip(b"."))
    print(b"abc".center(9, b"-"), b"7".zfill(3), b"ab".ljust(4, b"_"), b"Hello World".swapcase())
    print(b"123".isdigit(), b"abc".isalpha(), b"a1".isalnum(), b"  ".isspace(), b"ABC".isupper())
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

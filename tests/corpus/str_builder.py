from rpython.rlib.rstring import StringBuilder


def repeat_join(word, n, sep):
    sb = StringBuilder()
    for i in range(n):
        if i > 0:
            sb.append(sep)
        sb.append(word)
    return sb.build()


def entry_point(argv):
    print(repeat_join("ab", 5, "-"))
    sb = StringBuilder(16)
    sb.append("hello, world")
    sb.append_slice("0123456789", 2, 5)
    sb.append_multiple_char("*", 4)
    print(sb.getlength(), sb.build())
    big = StringBuilder()
    for i in range(1000):
        big.append(str(i % 10))
    s = big.build()
    print(len(s), s[:12], s[-5:], big.getlength())
    empty = StringBuilder()
    print("[" + empty.build() + "]", empty.getlength())
    u = StringBuilder()
    u.append("naïve ")
    u.append("日本")
    print(u.build(), u.getlength())
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

def parse_ints(text):
    total = 0
    count = 0
    cur = ""
    for i in range(len(text) + 1):
        c = " "
        if i < len(text):
            c = text[i]
        if c.isdigit() or (c == "-" and cur == ""):
            cur += c
        else:
            if cur != "" and cur != "-":
                total += int(cur)
                count += 1
            cur = ""
    return total, count


def entry_point(argv):
    text = "order 12 apples, -3 pears and 150 grapes; total=159 (x2)"
    t, c = parse_ints(text)
    print("sum", t, "count", c)
    fields = "3.5, 2.25 ,10, -0.125,1e3".split(",")
    acc = 0.0
    for i in range(len(fields)):
        f = float(fields[i].strip())
        acc += f
        print("%8.3f %s" % (f, fields[i].strip().rjust(6)))
    print("total %.4f" % acc)
    kv = "a=1;b=22;c=333"
    pairs = kv.split(";")
    for i in range(len(pairs)):
        k, _, v = pairs[i].partition("=")
        print(k, int(v) * 2, int(v, 16))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

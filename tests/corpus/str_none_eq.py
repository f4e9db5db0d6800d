# Equality of str and bytes values that may be None (RPython's nullable
# strings): None equals only None, never "" or b"".


def pick(i):
    if i == 0:
        return None
    if i == 1:
        return ""
    if i == 2:
        return "ab"
    return "a" + "b"


def pickb(i):
    if i == 0:
        return None
    if i == 1:
        return b""
    return b"x" * i


def entry_point(argv):
    for i in range(4):
        row = []
        for j in range(4):
            a = pick(i)
            b = pick(j)
            row.append("%d%d" % (int(a == b), int(a != b)))
        print(i, " ".join(row))
    for i in range(4):
        row = []
        for j in range(4):
            row.append(str(pickb(i) == pickb(j)))
        print(i, " ".join(row))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

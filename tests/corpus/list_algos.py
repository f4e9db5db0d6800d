def dedupe(l):
    out = []
    for x in l:
        if x not in out:
            out.append(x)
    return out


def flatten(ll):
    out = []
    for l in ll:
        out.extend(l)
    return out


def prefix_sums(l):
    out = [0]
    for x in l:
        out.append(out[-1] + x)
    return out


def rotate(l, k):
    k = k % len(l)
    return l[-k:] + l[:-k]


def two_sum(l, target):
    for i in range(len(l)):
        for j in range(i + 1, len(l)):
            if l[i] + l[j] == target:
                return (i, j)
    return (-1, -1)


def entry_point(argv):
    print(dedupe([3, 1, 3, 2, 1, 5]))
    print(flatten([[1, 2], [], [3], [4, 5, 6]]))
    print(prefix_sums([1, 2, 3, 4]))
    print(rotate([1, 2, 3, 4, 5], 2), rotate([1, 2, 3], 7))
    print(two_sum([2, 7, 11, 15], 9), two_sum([1, 2], 10))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

def insertion_sort(l):
    for i in range(1, len(l)):
        x = l[i]
        j = i - 1
        while j >= 0 and l[j] > x:
            l[j + 1] = l[j]
            j -= 1
        l[j + 1] = x


def merge_sort(l):
    if len(l) <= 1:
        return l
    mid = len(l) // 2
    a = merge_sort(l[:mid])
    b = merge_sort(l[mid:])
    out = []
    i = 0
    j = 0
    while i < len(a) and j < len(b):
        if a[i] <= b[j]:
            out.append(a[i])
            i += 1
        else:
            out.append(b[j])
            j += 1
    out.extend(a[i:])
    out.extend(b[j:])
    return out


def lcg(seed, n):
    out = []
    x = seed
    for i in range(n):
        x = (x * 1103515245 + 12345) % 2147483648
        out.append(x % 1000)
    return out


def entry_point(argv):
    data = lcg(7, 20)
    print(data)
    c = data[:]
    insertion_sort(c)
    print(c)
    print(merge_sort(data))
    big = lcg(3, 5000)
    s1 = sorted(big)
    s2 = merge_sort(big)
    print(s1 == s2, s1[:5], s1[-5:])
    big.sort(reverse=True)
    print(big[:5])
    fl = [3.5, -1.25, 2.0, 0.0, -0.0, 10.0]
    fl.sort()
    print(fl)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

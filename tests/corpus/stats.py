def mean(xs):
    return sum(xs) / len(xs)


def variance(xs):
    m = mean(xs)
    return sum([(x - m) ** 2 for x in xs]) / len(xs)


def median(xs):
    s = sorted(xs)
    n = len(s)
    if n % 2 == 1:
        return s[n // 2]
    return (s[n // 2 - 1] + s[n // 2]) / 2


def entry_point(argv):
    data = [2.5, 3.5, 1.0, 4.0, 9.5, 3.5]
    print(mean(data), variance(data), median(data))
    print(min(data), max(data), data.count(3.5), data.index(4.0))
    ints = [5, 3, 8, 1]
    print(median([float(i) for i in ints]), sum(ints) / len(ints))
    hist = [0] * 5
    for x in data:
        hist[int(x) % 5] += 1
    print(hist)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

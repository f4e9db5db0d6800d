def steps(n):
    count = 0
    while n != 1:
        if n % 2 == 0:
            n = n // 2
        else:
            n = 3 * n + 1
        count += 1
    return count


def entry_point(argv):
    best = 0
    best_n = 0
    n = 1
    while n < 3000:
        s = steps(n)
        if s > best:
            best = s
            best_n = n
        n += 1
    print("longest chain below 3000 starts at", best_n, "with", best, "steps")
    print(steps(27), steps(97), steps(871))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

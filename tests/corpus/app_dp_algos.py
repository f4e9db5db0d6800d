def edit_distance(a, b):
    prev = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
        prev = cur
    return prev[len(b)]


def lcs(a, b):
    n = len(a)
    m = len(b)
    table = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(n):
        for j in range(m):
            if a[i] == b[j]:
                table[i + 1][j + 1] = table[i][j] + 1
            else:
                table[i + 1][j + 1] = max(table[i][j + 1], table[i + 1][j])
    out = []
    i = n
    j = m
    while i > 0 and j > 0:
        if a[i - 1] == b[j - 1]:
            out.append(a[i - 1])
            i -= 1
            j -= 1
        elif table[i - 1][j] >= table[i][j - 1]:
            i -= 1
        else:
            j -= 1
    out.reverse()
    return "".join(out)


def knapsack(items, capacity):
    best = [0] * (capacity + 1)
    choice = [[] for _ in range(capacity + 1)]
    for name, weight, value in items:
        for c in range(capacity, weight - 1, -1):
            if best[c - weight] + value > best[c]:
                best[c] = best[c - weight] + value
                choice[c] = choice[c - weight] + [name]
    return best[capacity], choice[capacity]


def permutations(xs):
    if len(xs) <= 1:
        return [xs[:]]
    result = []
    for i in range(len(xs)):
        rest = xs[:i] + xs[i + 1:]
        for p in permutations(rest):
            result.append([xs[i]] + p)
    return result


def subsets_with_sum(xs, target):
    out = []
    n = len(xs)
    for mask in range(1 << n):
        s = 0
        chosen = []
        for i in range(n):
            if mask & (1 << i):
                s += xs[i]
                chosen.append(xs[i])
        if s == target:
            out.append(chosen)
    return out


def coin_change(coins, amount):
    INF = amount + 1
    dp = [INF] * (amount + 1)
    dp[0] = 0
    for a in range(1, amount + 1):
        for c in coins:
            if c <= a and dp[a - c] + 1 < dp[a]:
                dp[a] = dp[a - c] + 1
    if dp[amount] == INF:
        return -1
    return dp[amount]


def entry_point(argv):
    pairs = [("kitten", "sitting"), ("flaw", "lawn"), ("", "abc"), ("same", "same"),
             ("intention", "execution")]
    for a, b in pairs:
        print("%-10s %-10s dist=%d lcs=%r" % (a, b, edit_distance(a, b), lcs(a, b)))
    items = [("map", 9, 150), ("compass", 13, 35), ("water", 153, 200), ("sandwich", 50, 160),
             ("glucose", 15, 60), ("tin", 68, 45), ("banana", 27, 60), ("apple", 39, 40)]
    for cap in [0, 50, 100, 200, 400]:
        v, chosen = knapsack(items, cap)
        print("cap %3d value %3d %s" % (cap, v, chosen))
    ps = permutations([1, 2, 3, 4])
    print(len(ps), ps[:3], ps[-1])
    letters = "abc"
    sp = permutations([0, 1, 2])
    print(["".join([letters[i] for i in p]) for p in sp])
    print(subsets_with_sum([3, 34, 4, 12, 5, 2], 9))
    for amount in [0, 3, 11, 27, 99]:
        print("coins(%d) = %d" % (amount, coin_change([2, 5, 10], amount)))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

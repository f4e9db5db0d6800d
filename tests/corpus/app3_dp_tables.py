# Dynamic programming tables: 0/1 knapsack with reconstruction, edit distance with alignment, LCS, coin change, longest increasing subsequence.


def knapsack(items, capacity):
    n = len(items)
    table = [[0] * (capacity + 1) for _ in range(n + 1)]
    for i in range(1, n + 1):
        name, weight, value = items[i - 1]
        row = table[i]
        prev = table[i - 1]
        for c in range(capacity + 1):
            row[c] = prev[c]
            if weight <= c and prev[c - weight] + value > row[c]:
                row[c] = prev[c - weight] + value
    chosen = []
    c = capacity
    for i in range(n, 0, -1):
        if table[i][c] != table[i - 1][c]:
            chosen.append(items[i - 1][0])
            c -= items[i - 1][1]
    chosen.reverse()
    return table[n][capacity], chosen


def edit_distance(a, b):
    d = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i in range(len(a) + 1):
        d[i][0] = i
    for j in range(len(b) + 1):
        d[0][j] = j
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
    # walk back for an alignment
    i, j = len(a), len(b)
    top, bottom = [], []
    while i > 0 or j > 0:
        if i > 0 and j > 0 and d[i][j] == d[i - 1][j - 1] + (0 if a[i - 1] == b[j - 1] else 1):
            top.append(a[i - 1])
            bottom.append(b[j - 1])
            i -= 1
            j -= 1
        elif i > 0 and d[i][j] == d[i - 1][j] + 1:
            top.append(a[i - 1])
            bottom.append("-")
            i -= 1
        else:
            top.append("-")
            bottom.append(b[j - 1])
            j -= 1
    top.reverse()
    bottom.reverse()
    return d[len(a)][len(b)], "".join(top), "".join(bottom)


def lcs(a, b):
    memo = {}
    for i in range(len(a), -1, -1):
        for j in range(len(b), -1, -1):
            if i == len(a) or j == len(b):
                memo[(i, j)] = ""
            elif a[i] == b[j]:
                memo[(i, j)] = a[i] + memo[(i + 1, j + 1)]
            else:
                x = memo[(i + 1, j)]
                y = memo[(i, j + 1)]
                memo[(i, j)] = x if len(x) >= len(y) else y
    return memo[(0, 0)]


def coin_change(coins, amount):
    INF = amount + 1
    best = [0] + [INF] * amount
    last = [-1] * (amount + 1)
    for a in range(1, amount + 1):
        for c in coins:
            if c <= a and best[a - c] + 1 < best[a]:
                best[a] = best[a - c] + 1
                last[a] = c
    if best[amount] >= INF:
        return -1, []
    used = []
    a = amount
    while a > 0:
        used.append(last[a])
        a -= last[a]
    return best[amount], used


def lis(xs):
    if not xs:
        return []
    length = [1] * len(xs)
    prev = [-1] * len(xs)
    for i in range(len(xs)):
        for j in range(i):
            if xs[j] < xs[i] and length[j] + 1 > length[i]:
                length[i] = length[j] + 1
                prev[i] = j
    k = 0
    for i in range(len(xs)):
        if length[i] > length[k]:
            k = i
    out = []
    while k >= 0:
        out.append(xs[k])
        k = prev[k]
    out.reverse()
    return out


def entry_point(argv):
    items = [("map", 9, 150), ("compass", 13, 35), ("water", 153, 200), ("sandwich", 50, 160),
             ("glucose", 15, 60), ("tin", 68, 45), ("banana", 27, 60), ("apple", 39, 40)]
    for cap in [0, 50, 100, 200, 400]:
        value, chosen = knapsack(items, cap)
        print("cap %3d: value %3d  %s" % (cap, value, ", ".join(chosen)))
    for a, b in [("kitten", "sitting"), ("flaw", "lawn"), ("intention", "execution"), ("", "abc"), ("same", "same")]:
        dist, top, bottom = edit_distance(a, b)
        print("%-10s %-10s %d  %s / %s" % (a, b, dist, top, bottom))
    print(repr(lcs("AGGTAB", "GXTXAYB")), repr(lcs("abcdefghij", "ecdgi")), repr(lcs("", "x")))
    for coins, amount in [([1, 5, 10, 25], 63), ([2], 3), ([9, 6, 5, 1], 11), ([3, 7], 0)]:
        print(coins, amount, coin_change(coins, amount))
    print(lis([10, 9, 2, 5, 3, 7, 101, 18]), lis([]), lis([5, 4, 3]), lis([0, 8, 4, 12, 2, 10, 6, 14, 1, 9, 5, 13, 3, 11, 7, 15]))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

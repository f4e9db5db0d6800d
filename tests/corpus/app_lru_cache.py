class LRUCache(object):
    def __init__(self, capacity):
        if capacity <= 0:
            raise ValueError("capacity must be positive, got %d" % capacity)
        self.capacity = capacity
        self.data = {}
        self.order = []
        self.hits = 0
        self.misses = 0
        self.evictions = []

    def get(self, key):
        if key in self.data:
            self.hits += 1
            self.order.remove(key)
            self.order.append(key)
            return self.data[key]
        self.misses += 1
        return None

    def put(self, key, value):
        if key in self.data:
            self.order.remove(key)
        elif len(self.data) >= self.capacity:
            old = self.order.pop(0)
            del self.data[old]
            self.evictions.append(old)
        self.data[key] = value
        self.order.append(key)

    def stats(self):
        total = self.hits + self.misses
        rate = 0.0
        if total:
            rate = 100.0 * self.hits / total
        return "hits=%d misses=%d rate=%.1f%% size=%d" % (self.hits, self.misses, rate, len(self.data))


def slow_square_sum(n):
    s = 0
    for i in range(n + 1):
        s += i * i
    return s


def cached_compute(cache, n):
    v = cache.get(str(n))
    if v is None:
        v = "sq%d" % slow_square_sum(n)
        cache.put(str(n), v)
    return v


class Memo(object):
    def __init__(self):
        self.table = {}
        self.calls = 0

    def paths(self, r, c):
        self.calls += 1
        if r == 0 or c == 0:
            return 1
        key = (r, c)
        if key in self.table:
            return self.table[key]
        v = self.paths(r - 1, c) + self.paths(r, c - 1)
        self.table[key] = v
        return v


def entry_point(argv):
    cache = LRUCache(3)
    seq = [1, 2, 3, 1, 4, 2, 5, 1, 1, 3, 6, 2, 7, 7, 7]
    results = []
    for n in seq:
        results.append(cached_compute(cache, n))
    print(results)
    print(cache.stats())
    print("order:", cache.order, "evicted:", cache.evictions)
    print("data:", cache.data)
    try:
        LRUCache(0)
    except ValueError as e:
        print("error:", e)
    m = Memo()
    for n in [2, 5, 10, 16]:
        print("paths(%d,%d) = %d" % (n, n, m.paths(n, n)), "calls so far", m.calls)
    keys = list(m.table.keys())
    print(len(keys), keys[:4], m.table[(3, 3)])
    grid = {}
    for x in range(3):
        for y in range(3):
            grid[(x, y)] = x * 10 + y
    del grid[(1, 1)]
    print(grid)
    print((2, 2) in grid, (1, 1) in grid, grid.get((1, 1), -1))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

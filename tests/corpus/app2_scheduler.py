# A scheduler simulation with a hand-written binary-heap priority queue.


class Ids(object):
    def __init__(self):
        self.next_id = 0


IDS = Ids()


class Task(object):
    PRIO_NAMES = ["low", "mid", "high", "max"]

    def __init__(self, name, prio, work, period):
        self.name = name
        self.prio = prio
        self.work = work
        self.period = period
        self.runs = 0
        self.id = IDS.next_id
        IDS.next_id += 1


class Heap(object):
    def __init__(self):
        self.items = []

    def push(self, key, task):
        self.items.append((key, task.id, task))
        i = len(self.items) - 1
        while i > 0:
            p = (i - 1) // 2
            if self.items[p][0] < self.items[i][0] or (self.items[p][0] == self.items[i][0] and self.items[p][1] < self.items[i][1]):
                break
            self.items[p], self.items[i] = self.items[i], self.items[p]
            i = p
        return self

    def less(self, a, b):
        x = self.items[a]
        y = self.items[b]
        return x[0] < y[0] or (x[0] == y[0] and x[1] < y[1])

    def pop(self):
        top = self.items[0]
        last = self.items.pop()
        if self.items:
            self.items[0] = last
            i = 0
            n = len(self.items)
            while True:
                l = 2 * i + 1
                r = l + 1
                m = i
                if l < n and self.less(l, m):
                    m = l
                if r < n and self.less(r, m):
                    m = r
                if m == i:
                    break
                self.items[m], self.items[i] = self.items[i], self.items[m]
                i = m
        return top[0], top[2]

    def size(self):
        return len(self.items)


def simulate(tasks, until):
    h = Heap()
    for t in tasks:
        h.push((0, t.prio), t) if False else h.push(t.prio * 1000, t)
    clock = 0
    busy = [0] * len(tasks)
    log = []
    while h.size() > 0:
        key, t = h.pop()
        start = max(clock, key // 1000 * 0 + key % 1000 if key >= 1000 else key)
        if start >= until:
            break
        clock = start + t.work
        t.runs += 1
        busy[t.id % len(tasks)] += t.work
        log.append("%4d-%-4d %s" % (start, clock, t.name))
        h.push(start + t.period, t)
    return clock, busy, log


def entry_point(argv):
    tasks = [Task("net", 1, 3, 10), Task("disk", 2, 5, 25), Task("ui", 0, 1, 4), Task("gc", 3, 7, 40)]
    clock, busy, log = simulate(tasks, 80)
    for line in log:
        print(line)
    print("clock", clock)
    for t, b in zip(tasks, busy):
        pct = 100.0 * b / clock
        print(Task.PRIO_NAMES[t.prio], end=" ")
        print("%-5s runs=%2d busy=%3d %5.1f%% %s" % (t.name, t.runs, b, pct, "*" * (b // 4)))
    ranked = sorted([(-t.runs, t.name) for t in tasks])
    print(ranked)
    print([n for _, n in ranked][::-1])
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(entry_point(sys.argv))

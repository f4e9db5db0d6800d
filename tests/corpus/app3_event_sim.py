# A discrete-event simulation of a bank with tellers: a binary-heap priority queue of events keyed by (time, seq).


class Event(object):
    def __init__(self, time, seq, kind, customer):
        self.time = time
        self.seq = seq
        self.kind = kind
        self.customer = customer

    def key(self):
        return (self.time, self.seq)


class Heap(object):
    def __init__(self):
        self.items = []

    def push(self, ev):
        self.items.append(ev)
        i = len(self.items) - 1
        while i > 0:
            parent = (i - 1) // 2
            if self.items[parent].key() <= self.items[i].key():
                break
            self.items[parent], self.items[i] = self.items[i], self.items[parent]
            i = parent

    def pop(self):
        if not self.items:
            raise IndexError("pop from empty heap")
        top = self.items[0]
        last = self.items.pop()
        if self.items:
            self.items[0] = last
            i = 0
            n = len(self.items)
            while True:
                l = 2 * i + 1
                r = l + 1
                small = i
                if l < n and self.items[l].key() < self.items[small].key():
                    small = l
                if r < n and self.items[r].key() < self.items[small].key():
                    small = r
                if small == i:
                    break
                self.items[small], self.items[i] = self.items[i], self.items[small]
                i = small
        return top

    def __len__(self):
        return len(self.items)


class Customer(object):
    def __init__(self, ident, arrival, work):
        self.ident = ident
        self.arrival = arrival
        self.work = work
        self.start = -1
        self.teller = -1


class Sim(object):
    def __init__(self, tellers, seed):
        self.heap = Heap()
        self.seq = 0
        self.free = [True] * tellers
        self.queue = []
        self.now = 0
        self.seed = seed
        self.log = []
        self.done = []
        self.max_queue = 0

    def rand(self, n):
        self.seed = (self.seed * 1103515245 + 12345) % 2147483648
        return self.seed % n

    def schedule(self, t, kind, c):
        self.seq += 1
        self.heap.push(Event(t, self.seq, kind, c))

    def start_service(self, c, teller):
        self.free[teller] = False
        c.start = self.now
        c.teller = teller
        self.schedule(self.now + c.work, "depart", c)

    def run(self, customers):
        t = 0
        for i in range(customers):
            t += 1 + self.rand(6)
            self.schedule(t, "arrive", Customer(i, t, 2 + self.rand(9)))
        while len(self.heap.items) > 0:
            ev = self.heap.pop()
            self.now = ev.time
            c = ev.customer
            if ev.kind == "arrive":
                idle = -1
                for k in range(len(self.free)):
                    if self.free[k]:
                        idle = k
                        break
                if idle >= 0:
                    self.start_service(c, idle)
                else:
                    self.queue.append(c)
                    self.max_queue = max(self.max_queue, len(self.queue))
                self.log.append("%4d arrive  c%-3d q=%d" % (self.now, c.ident, len(self.queue)))
            else:
                self.free[c.teller] = True
                self.done.append(c)
                self.log.append("%4d depart  c%-3d t%d waited %d" % (self.now, c.ident, c.teller, c.start - c.arrival))
                if self.queue:
                    self.start_service(self.queue.pop(0), c.teller)


def entry_point(argv):
    for tellers in [1, 2, 3]:
        sim = Sim(tellers, 42)
        sim.run(25)
        waits = [c.start - c.arrival for c in sim.done]
        print("tellers=%d served=%d end=%d max_queue=%d avg_wait=%.2f max_wait=%d" % (
            tellers, len(sim.done), sim.now, sim.max_queue, float(sum(waits)) / len(waits), max(waits)))
        if tellers == 2:
            for line in sim.log[:14]:
                print(line)
        per = {}
        for c in sim.done:
            per[c.teller] = per.get(c.teller, 0) + c.work
        print("  busy:", sorted(per.items()))
    h = Heap()
    try:
        h.pop()
    except IndexError as e:
        print("IndexError:", e)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

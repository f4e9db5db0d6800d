class Task(object):
    def __init__(self, priority, seq, name):
        self.priority = priority
        self.seq = seq
        self.name = name

    def before(self, other):
        if self.priority != other.priority:
            return self.priority < other.priority
        return self.seq < other.seq


class EmptyQueue(Exception):
    pass


class PriorityQueue(object):
    def __init__(self):
        self.heap = []
        self.counter = 0

    def size(self):
        return len(self.heap)

    def push(self, priority, name):
        t = Task(priority, self.counter, name)
        self.counter += 1
        self.heap.append(t)
        self.sift_up(len(self.heap) - 1)

    def pop(self):
        if not self.heap:
            raise EmptyQueue("pop from empty queue")
        top = self.heap[0]
        last = self.heap.pop()
        if self.heap:
            self.heap[0] = last
            self.sift_down(0)
        return top

    def sift_up(self, i):
        h = self.heap
        while i > 0:
            parent = (i - 1) // 2
            if h[i].before(h[parent]):
                h[i], h[parent] = h[parent], h[i]
                i = parent
            else:
                break

    def sift_down(self, i):
        h = self.heap
        n = len(h)
        while True:
            left = 2 * i + 1
            right = left + 1
            smallest = i
            if left < n and h[left].before(h[smallest]):
                smallest = left
            if right < n and h[right].before(h[smallest]):
                smallest = right
            if smallest == i:
                return
            h[i], h[smallest] = h[smallest], h[i]
            i = smallest


def heapsort_ints(xs):
    # A plain int min-heap with list functions.
    heap = []
    for x in xs:
        heap.append(x)
        i = len(heap) - 1
        while i > 0 and heap[(i - 1) // 2] > heap[i]:
            p = (i - 1) // 2
            heap[i], heap[p] = heap[p], heap[i]
            i = p
    out = []
    while heap:
        out.append(heap[0])
        last = heap.pop()
        if heap:
            heap[0] = last
            i = 0
            while True:
                c = 2 * i + 1
                if c >= len(heap):
                    break
                if c + 1 < len(heap) and heap[c + 1] < heap[c]:
                    c += 1
                if heap[i] <= heap[c]:
                    break
                heap[i], heap[c] = heap[c], heap[i]
                i = c
    return out


def dijkstra(graph, start):
    dist = {start: 0}
    done = {}
    frontier = [(0, start)]
    while frontier:
        frontier.sort()
        d, node = frontier.pop(0)
        if node in done:
            continue
        done[node] = True
        for nxt, w in graph.get(node, []):
            nd = d + w
            if nxt not in dist or nd < dist[nxt]:
                dist[nxt] = nd
                frontier.append((nd, nxt))
    return dist


def entry_point(argv):
    pq = PriorityQueue()
    jobs = [(3, "write report"), (1, "fix prod bug"), (2, "review PR"),
            (1, "answer pager"), (5, "lunch"), (2, "standup"), (4, "email")]
    for p, name in jobs:
        pq.push(p, name)
    print("queued", pq.size())
    while pq.size() > 2:
        t = pq.pop()
        print("  [%d] #%d %s" % (t.priority, t.seq, t.name))
    pq.push(0, "urgent!")
    while True:
        try:
            t = pq.pop()
        except EmptyQueue as e:
            print("stop:", e)
            break
        print("  [%d] #%d %s" % (t.priority, t.seq, t.name))
    seed = 12345
    xs = []
    for i in range(40):
        seed = (seed * 1103515245 + 12345) % 2147483648
        xs.append(seed % 1000 - 500)
    s = heapsort_ints(xs)
    print(s[:10], s[-5:])
    check = xs[:]
    check.sort()
    print("matches sort():", s == check)
    graph = {
        "a": [("b", 7), ("c", 9), ("f", 14)],
        "b": [("a", 7), ("c", 10), ("d", 15)],
        "c": [("a", 9), ("b", 10), ("d", 11), ("f", 2)],
        "d": [("b", 15), ("c", 11), ("e", 6)],
        "e": [("d", 6), ("f", 9)],
        "f": [("a", 14), ("c", 2), ("e", 9)],
    }
    dist = dijkstra(graph, "a")
    names = list(dist.keys())
    names.sort()
    for n in names:
        print(n, dist[n])
    print(dist)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

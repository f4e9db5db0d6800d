# Graph algorithms over node instances: Dijkstra with a heap of tuples, topological sort, union-find, BFS layers; dicts keyed by instances.


class Node(object):
    def __init__(self, name):
        self.name = name
        self.edges = []


class Graph(object):
    def __init__(self):
        self.nodes = []
        self.by_name = {}

    def node(self, name):
        n = self.by_name.get(name, None)
        if n is None:
            n = Node(name)
            self.by_name[name] = n
            self.nodes.append(n)
        return n

    def edge(self, a, b, w):
        self.node(a).edges.append((self.node(b), w))


def heap_push(h, item):
    h.append(item)
    i = len(h) - 1
    while i > 0 and h[(i - 1) // 2][0] > h[i][0]:
        p = (i - 1) // 2
        h[i], h[p] = h[p], h[i]
        i = p


def heap_pop(h):
    top = h[0]
    last = h.pop()
    if h:
        h[0] = last
        i = 0
        while True:
            c = 2 * i + 1
            if c >= len(h):
                break
            if c + 1 < len(h) and h[c + 1][0] < h[c][0]:
                c += 1
            if h[i][0] <= h[c][0]:
                break
            h[i], h[c] = h[c], h[i]
            i = c
    return top


def dijkstra(g, src):
    dist = {}
    prev = {}
    heap = [(0, src.name)]
    while heap:
        d, name = heap_pop(heap)
        n = g.by_name[name]
        if n in dist:
            continue
        dist[n] = d
        for m, w in n.edges:
            if m not in dist:
                if m not in prev or d + w < prev[m][0]:
                    prev[m] = (d + w, n)
                heap_push(heap, (d + w, m.name))
    return dist, prev


def path_to(prev, src, dst):
    out = [dst.name]
    cur = dst
    while cur is not src:
        if cur not in prev:
            return []
        cur = prev[cur][1]
        out.append(cur.name)
    out.reverse()
    return out


def toposort(g):
    indeg = {}
    for n in g.nodes:
        indeg[n] = indeg.get(n, 0)
        for m, _ in n.edges:
            indeg[m] = indeg.get(m, 0) + 1
    ready = [n for n in g.nodes if indeg[n] == 0]
    order = []
    while ready:
        n = ready.pop(0)
        order.append(n.name)
        for m, _ in n.edges:
            indeg[m] -= 1
            if indeg[m] == 0:
                ready.append(m)
    if len(order) != len(g.nodes):
        raise ValueError("cycle detected after %s" % ",".join(order))
    return order


class UnionFind(object):
    def __init__(self):
        self.parent = {}
        self.rank = {}

    def find(self, x):
        if x not in self.parent:
            self.parent[x] = x
            self.rank[x] = 0
        root = x
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[x] != root:
            nxt = self.parent[x]
            self.parent[x] = root
            x = nxt
        return root

    def union(self, a, b):
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return False
        if self.rank[ra] < self.rank[rb]:
            ra, rb = rb, ra
        self.parent[rb] = ra
        if self.rank[ra] == self.rank[rb]:
            self.rank[ra] += 1
        return True


def entry_point(argv):
    g = Graph()
    for a, b, w in [("A", "B", 7), ("A", "C", 9), ("A", "F", 14), ("B", "C", 10), ("B", "D", 15),
                    ("C", "D", 11), ("C", "F", 2), ("D", "E", 6), ("F", "E", 9), ("G", "A", 1)]:
        g.edge(a, b, w)
    src = g.by_name["A"]
    dist, prev = dijkstra(g, src)
    for n in g.nodes:
        if n in dist:
            print("%s: %2d via %s" % (n.name, dist[n], "-".join(path_to(prev, src, n))))
        else:
            print("%s: unreachable" % n.name)
    print("topo:", toposort(g))
    g.edge("E", "G", 1)
    try:
        toposort(g)
    except ValueError as e:
        print("ValueError:", e)
    uf = UnionFind()
    edges = sorted([(w, a.name, b.name) for a in g.nodes for b, w in a.edges])
    tree = []
    for w, a, b in edges:
        if uf.union(a, b):
            tree.append("%s%s(%d)" % (a, b, w))
    print("mst:", " ".join(tree), sum([int(t[3:-1]) for t in tree]))
    groups = {}
    for n in g.nodes:
        groups.setdefault(uf.find(n.name), []).append(n.name)
    print(sorted([",".join(v) for v in groups.values()]))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

def add_edge(g, a, b):
    if a not in g:
        g[a] = []
    if b not in g:
        g[b] = []
    g[a].append(b)
    g[b].append(a)


def bfs(g, start):
    dist = {start: 0}
    queue = [start]
    i = 0
    while i < len(queue):
        node = queue[i]
        i += 1
        for nb in g[node]:
            if nb not in dist:
                dist[nb] = dist[node] + 1
                queue.append(nb)
    return dist


def entry_point(argv):
    g = {}
    edges = "ab bc cd de af fg gd hi"
    for k in range(0, len(edges), 3):
        add_edge(g, edges[k], edges[k + 1])
    print(g)
    dist = bfs(g, "a")
    for node in dist:
        print(node, dist[node])
    print("h" in dist)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

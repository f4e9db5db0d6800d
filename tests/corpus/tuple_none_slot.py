# Tuples whose items are widened by a union (a None slot that becomes an
# instance, an int that becomes a float, a nested tuple of another layout)
# are converted to the union's layout, wherever they flow.


class Node(object):
    def __init__(self, v):
        self.v = v


class Env(object):
    def __init__(self, name):
        self.name = name


def make(n, env):
    if n > 0:
        return (Node(1), None, 10)
    return (Node(2), env, 20)


def make_none_first(n, env):
    if n > 0:
        return (None, Node(1), 10)
    return (env, Node(2), 20)


def number(n):
    if n > 1:
        return (n, 2.5)
    return (n, 7)


def nested(n, env):
    if n > 0:
        return (1, (None, True))
    return (2, (env, 3))


def describe(t):
    e, k = t
    if e is None:
        return "none %d" % k
    return "%s %d" % (e.name, k)


def entry_point(argv):
    env = Env("e")
    n = len(argv)
    t = make(n, env)
    print(t[0].v, t[1] is None, t[2])
    t = make(n - 1, env)
    print(t[0].v, t[1] is None, t[2], t[1].name)
    u = make_none_first(n, env)
    print(u[0] is None, u[1].v, u[2])
    u = make_none_first(n - 1, env)
    print(u[0] is None, u[1].v, u[2], u[0].name)
    a, b = number(n)
    print(a, b * 2.0)
    a, b = number(n + 1)
    print(a, b * 2.0)
    k, inner = nested(n, env)
    print(k, inner[0] is None, inner[1] + 1)
    k, inner = nested(n - 1, env)
    print(k, inner[0].name, inner[1] + 0)
    pairs = [(None, 1)]
    pairs.append((env, 2))
    pairs.append((None, True))
    for p in pairs:
        print(describe(p))
    print(describe((None, 5)), describe((env, 6)))
    acc = (0, None)
    for i in range(3):
        if i == 1:
            acc = (i, env)
        else:
            acc = (acc[0] + i, acc[1])
    print(acc[0], acc[1].name)
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(entry_point(sys.argv))

# Allocates many short-lived tuples and strings while a few stay alive
# across calls (roots on the shadow stack, moved by copying collectors).


def make(i):
    return (i, str(i), (i * 2, "x" + str(i)))


def churn(n):
    keep = make(-1)
    total = 0
    for i in range(n):
        t = make(i)
        a, s, inner = t
        b, s2 = inner
        total += a + b + len(s) + len(s2)
        if i % 1000 == 0:
            keep = t
    k, ks, kin = keep
    return total, k, ks, kin[1]


def entry_point(argv):
    total, k, ks, kin = churn(30000)
    print(total, k, ks, kin)
    s = ""
    for i in range(3000):
        s = s + str(i % 10)
        if len(s) > 50:
            s = str(i)
    print(s)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

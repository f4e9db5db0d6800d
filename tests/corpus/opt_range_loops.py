# args: 0 7
# Range loops of every shape (the iterator is removed by malloc removal).


def tri(n):
    s = 0
    for i in range(n):
        s += i
    return s


def span(a, b, c):
    out = 0
    count = 0
    for i in range(a, b, c):
        out = out * 3 + i
        count += 1
    return out * 100 + count


def nested(n):
    acc = 0
    for i in range(n):
        for j in range(i, n):
            if (i + j) % 3 == 0:
                continue
            acc += i * j
            if acc > 500:
                break
    return acc


def first_square_over(limit):
    for k in range(1, 1000):
        if k * k > limit:
            return k
    return -1


def entry_point(argv):
    zero = int(argv[1])
    n = int(argv[2])
    print(tri(n), tri(0), tri(-3))
    print(span(0, 10, 3), span(10, 0, -3), span(5, 5, 1), span(-4, 4, 2), span(3, -9, -4))
    print(nested(n), nested(12))
    print(first_square_over(50), first_square_over(n * n))
    try:
        print(span(0, 10, zero))
    except ValueError:
        print("step zero")
    for i in range(3):
        print("i", i)
    else:
        print("done")
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

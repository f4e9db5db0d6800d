def rpn(tokens):
    stack = []
    for t in tokens:
        if t == "+":
            b = stack.pop()
            a = stack.pop()
            stack.append(a + b)
        elif t == "*":
            b = stack.pop()
            a = stack.pop()
            stack.append(a * b)
        elif t == "-":
            b = stack.pop()
            a = stack.pop()
            stack.append(a - b)
        else:
            stack.append(int(t))
    return stack.pop()


def bfs(n):
    queue = [0]
    seen = [False] * n
    seen[0] = True
    order = []
    while queue:
        x = queue.pop(0)
        order.append(x)
        for y in [2 * x + 1, 2 * x + 2]:
            if y < n and not seen[y]:
                seen[y] = True
                queue.append(y)
    return order


def entry_point(argv):
    print(rpn(["3", "4", "+", "2", "*"]))
    print(rpn(["10", "2", "3", "*", "-"]))
    print(bfs(10))
    s = []
    for i in range(1000):
        s.append(i)
    total = 0
    while s:
        total += s.pop()
    print(total, len(s))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

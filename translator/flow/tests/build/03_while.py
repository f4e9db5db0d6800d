def f(n):
    i = 0
    total = 0
    while i < n:
        total += i
        i += 1
    return total

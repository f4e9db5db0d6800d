def f(l):
    total = 0
    for x in l:
        if x == 3:
            continue
        if x > 10:
            break
        total += x
    else:
        total = -1
    return total

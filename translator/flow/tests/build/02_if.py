def f(x):
    if x < 0:
        y = -1
    elif x == 0:
        y = 0
    else:
        y = 1
    return y

def f(x, y):
    z = x + y * 2
    return -z

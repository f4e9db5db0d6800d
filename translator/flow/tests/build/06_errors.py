def f(x):
    if x:
        y = 1
    return y + undefined_name

def g():
    global G
    G = 1
    import os

def f(x):
    if x:
        y = 1
    return y + undefined_name

def g():
    global G
    G = 1
    import os
# expect:
4:12: local variable 'y' might be referenced before assignment
8:5: module globals are constants at run time; cannot rebind 'G'
9:5: import inside a function is not supported; import at module level

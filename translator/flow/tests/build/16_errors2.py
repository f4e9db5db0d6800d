def f(x):
    del x
    return x

def g(l):
    for i in l:
        pass
    return i

def h():
    raise

def k(o):
    try:
        pass
    except o.Err:
        pass
    return os.nothing
# expect:
2:9: expected an item, slice or attribute to delete, found the variable 'x' (deleting local variables is not supported; `del` of a module or class-level name is)
8:12: local variable 'i' might be referenced before assignment
11:5: expected an exception to raise, found a bare 'raise' outside an except clause
16:12: expected an exception class known at translation time in 'except', found another expression
18:12: name 'os' is not defined

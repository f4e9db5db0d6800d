def f(l, i):
    try:
        x = l[i]
    except (IndexError, KeyError):
        x = 0
    except ValueError as e:
        raise
    return x

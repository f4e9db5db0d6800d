# error: 3:9: the builtin globals() is not supported
def entry_point(argv):
    g = globals()  # only translation-time code may call globals()
    return len(g)

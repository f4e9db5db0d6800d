# error: 4:5: 'list' object has no attribute 'push'
def entry_point(argv):
    l = [1]
    l.push(2)
    return 0

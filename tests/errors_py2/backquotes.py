# error: 3:11: backquotes are Python 2's repr()
def entry_point(argv):
    print `len(argv)`
    return 0

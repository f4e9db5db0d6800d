# error: 4:5: exec is not supported in RPython
def entry_point(argv):
    code = "x = 1"
    exec code
    return 0

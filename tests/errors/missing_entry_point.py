# error: 1:1: entry point
def main(argv):
    print("this module has no entry_point")
    return 0

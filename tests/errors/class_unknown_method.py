# error: 9:5: no attribute 'run'
class Job(object):
    def __init__(self):
        self.n = 1


def entry_point(argv):
    j = Job()
    j.run()
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

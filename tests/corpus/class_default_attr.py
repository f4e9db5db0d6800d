class Machine(object):
    state = 0
    steps = 0

    def step(self):
        self.steps += 1
        if self.state == 0:
            self.state = 1
        elif self.state == 1:
            self.state = 2
        else:
            self.state = 0


def entry_point(argv):
    m = Machine()
    print(m.state, m.steps)
    for i in range(7):
        m.step()
        print(m.state, m.steps)
    n = Machine()
    print(n.state, n.steps)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

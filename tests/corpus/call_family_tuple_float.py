# Call families whose results are tuples of another layout (a None slot
# beside an instance) and ints beside floats (issue 10 item 7).


class W(object):
    def __init__(self, v):
        self.v = v

class Op(object):
    def run(self, x):
        return (None, x)

class Load(Op):
    def run(self, x):
        return (W(x), x * 2)

def f1(x):
    return 1
def f2(x):
    return 2.5

def entry_point(argv):
    for op in [Op(), Load()]:
        w, n = op.run(3)
        if w is None:
            print("none", n)
        else:
            print(w.v, n)
    fs = [f1, f2]
    t = 0.0
    for f in fs:
        t += f(0)
    print(t)
    return 0

if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

# rpython.rlib.unroll: a `for` loop over an unrolling_iterable is unrolled
# at translation time, so the loop variable is a constant in each copy of
# the body: `getattr(self, 'op_' + name)` names a method statically.
# break, continue and the loop's else behave as in a normal loop.
from rpython.rlib.unroll import unrolling_iterable

OPS = [("add", 1), ("sub", 2), ("mul", 3), ("neg", 4)]
unrolled_ops = unrolling_iterable(OPS)

WEIGHT = 0
for _name, _code in unrolled_ops:
    WEIGHT += _code


class Machine(object):
    def __init__(self):
        self.out = []

    def op_add(self, x):
        self.out.append(x + 1)

    def op_sub(self, x):
        self.out.append(x - 1)

    def op_mul(self, x):
        self.out.append(x * 2)

    def op_neg(self, x):
        self.out.append(-x)

    def dispatch(self, code, x):
        for name, c in unrolled_ops:
            if c == code:
                getattr(self, "op_" + name)(x)
                break
        else:
            self.out.append(0)


def first_at_least(code):
    seen = 0
    for name, c in unrolled_ops:
        seen += 1
        if c < code:
            continue
        return name + str(seen)
    return "none" + str(seen)


SIZES = unrolling_iterable([1, 2, 4, 8])


def total_sizes(n):
    t = 0
    for s in SIZES:
        t += s * n
    return t


def entry_point(argv):
    m = Machine()
    for code in [1, 2, 3, 4, 5, 3]:
        m.dispatch(code, 10 + len(argv))
    print(m.out, WEIGHT)
    print(first_at_least(3), first_at_least(1), first_at_least(9))
    print(total_sizes(len(argv)), total_sizes(3))
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(entry_point(sys.argv))

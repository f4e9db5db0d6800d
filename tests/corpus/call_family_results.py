# Calls with several possible targets whose results differ: the result is
# their union (RPython's normalizecalls), for lists of functions, overridden
# methods, and dict.get/pop with a default of a sibling class.


class Node(object):
    def __init__(self, v):
        self.v = v

    def scale(self, k):
        return self.v * k


class Num(Node):
    pass


class Neg(Node):
    def scale(self, k):
        return -self.v * k


def mk_num(x):
    return Num(x)


def mk_neg(x):
    return Neg(-x)


def mk_none(x):
    return None


class Shape(object):
    def area(self):
        return 0

    def name(self):
        return None


class Square(Shape):
    def __init__(self, s):
        self.s = s

    def area(self):
        return self.s * self.s * 1.5

    def name(self):
        return "square"


class Dot(Shape):
    def area(self):
        raise ValueError("a dot has no area")


def total_area(shapes):
    total = 0.0
    for s in shapes:
        try:
            total += s.area()
        except ValueError as e:
            print("skip:", str(e))
    return total


def label(s):
    n = s.name()
    if n is None:
        return "?"
    return n


def entry_point(argv):
    ops = [mk_num, mk_neg, mk_none]
    for i in range(3):
        r = ops[i](i + 5)
        if r is None:
            print("none")
        else:
            print(r.v)
    # A member called directly sees the family's result too.
    direct = mk_num(9)
    print(direct.v, isinstance(direct, Num))
    shapes = [Shape(), Square(2), Dot(), Square(3)]
    print(total_area(shapes))
    print(" ".join([label(s) for s in shapes]))
    # An override called directly with a wider argument than the family
    # call passes: the parameters are unified over the family.
    nodes = [Num(3), Neg(4)]
    acc = 0.0
    for n in nodes:
        acc += n.scale(2)
    neg = Neg(5)
    acc += neg.scale(0.5)
    print(acc)
    d = {"a": Num(1), "b": Num(2)}
    x = d.get("c", Neg(7))
    print(x.v, isinstance(x, Neg))
    y = d.get("a", Neg(7))
    print(y.v, isinstance(y, Num))
    z = d.get("q")
    print(z is None)
    p = d.pop("zz", Neg(8))
    print(p.v)
    d["n"] = Neg(10)
    # An int default beside float values widens the result only.
    fd = {"a": 1.5}
    fx = fd.get("b", 0)
    print(fd["a"], int(fx) + 1)
    for k in ["a", "b", "n"]:
        print(k, d[k].v, int(d[k].scale(3)))
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(entry_point(sys.argv))

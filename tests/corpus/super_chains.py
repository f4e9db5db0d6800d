# super() in methods: __init__ chains over three levels, overriding
# methods that extend the base behaviour, keyword and default arguments,
# a mixin in the MRO, and exception subclasses.
class Node(object):
    def __init__(self, name, weight=1):
        self.name = name
        self.weight = weight
        self.log = []

    def describe(self):
        return "node %s" % self.name

    def cost(self, factor):
        return self.weight * factor

    def visit(self):
        self.log.append("node")


class Named(Node):
    def __init__(self, name, label):
        super().__init__(name, weight=2)
        self.label = label

    def describe(self):
        return super().describe() + " [" + self.label + "]"

    def cost(self, factor):
        return super().cost(factor) + 1

    def visit(self):
        self.log.append("named")
        super().visit()


class Leaf(Named):
    def __init__(self, name):
        super().__init__(name, "leaf")
        self.weight += 10

    def describe(self):
        return "leaf: " + super().describe()

    def visit(self):
        super().visit()
        self.log.append("leaf")


class Plain(Node):
    pass


class Base(object):
    def __init__(self):
        super().__init__()
        self.ready = True


class VMError(Exception):
    def __init__(self, msg, pc):
        super().__init__(msg)
        self.pc = pc


class StackUnderflow(VMError):
    def __init__(self, pc):
        super().__init__("stack underflow", pc)


def run(kind):
    if kind == 0:
        raise StackUnderflow(7)
    if kind == 1:
        raise VMError("bad opcode", 3)
    return kind


def entry_point(argv):
    nodes = [Node("a"), Named("b", "bee"), Leaf("c"), Plain("d", 5)]
    for n in nodes:
        n.visit()
        print(n.describe(), n.cost(3), n.weight, n.log)
    print(Base().ready)
    for kind in range(3):
        try:
            print("ok", run(kind))
        except StackUnderflow as e:
            print("underflow", str(e), e.pc)
        except VMError as e:
            print("vm error", str(e), e.pc)
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(entry_point(sys.argv))

# Lists held by prebuilt instances, dict values, tuples, and lists of
# prebuilt instances; aliases of one list share it.
class Opcode(object):
    def __init__(self, name, arity):
        self.name = name
        self.arity = arity
        self.uses = []


class Registry(object):
    def __init__(self):
        self.ops = []
        self.names = ["none"]

    def register(self, name, arity):
        op = Opcode(name, arity)
        self.ops.append(op)
        self.names.append(name)
        return op


REGISTRY = Registry()
PUSH = REGISTRY.register("push", 1)
ADD = REGISTRY.register("add", 0)
JUMP = REGISTRY.register("jump", 1)
ALL_OPS = REGISTRY.ops
BY_ARITY = {0: [ADD], 1: [PUSH, JUMP]}
SHAPES = {"square": [4, 4], "line": [1]}
PAIR = ([10, 20], ["x", "y"])
EMPTY_OF = {"a": []}


def describe(op):
    return "%s/%d(%d)" % (op.name, op.arity, len(op.uses))


def entry_point(argv):
    for i in range(5):
        for op in ALL_OPS:
            if op.arity <= i % 2:
                op.uses.append(i)
    print(", ".join([describe(op) for op in REGISTRY.ops]))
    new = REGISTRY.register("halt", 0)
    BY_ARITY[0].append(new)
    print(len(ALL_OPS), REGISTRY.names, len(BY_ARITY[0]), BY_ARITY[1][1].name)
    print(PUSH.uses, ADD.uses is ALL_OPS[1].uses)
    SHAPES["square"].append(4)
    SHAPES["tri"] = [3, 3, 3]
    for k in SHAPES:
        print(k, SHAPES[k], sum(SHAPES[k]))
    a, b = PAIR
    a.append(30)
    b.insert(0, "w")
    print(PAIR[0], PAIR[1], len(a) + len(b))
    EMPTY_OF["a"].append("first")
    print(EMPTY_OF)
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(entry_point(sys.argv))

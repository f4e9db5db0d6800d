# Module-level code builds opcode tables through globals(), as RPython's
# tla.py and tlopcode.py do: globals()[name] = n defines a module global,
# and globals().items() lists them.
import sys

OPNAMES = []


def define_op(name):
    globals()[name] = len(OPNAMES)
    OPNAMES.append(name)


define_op("PUSH")
define_op("POP")
define_op("ADD")

names = {}


def opcode(n, opcode_name):
    names[opcode_name] = globals()[opcode_name] = n


opcode(10, "MUL")
del opcode

TEMP = 99
del globals()["TEMP"]
BY_NUMBER = {}
for key, value in globals().items():
    if key.isupper() and isinstance(value, int):
        BY_NUMBER[value] = key
HAS_MUL = "MUL" in globals() and "opcode" not in globals()


def run(code):
    out = []
    for op in code:
        if op == PUSH:
            out.append("push")
        elif op == ADD:
            out.append("add")
        elif op == MUL:
            out.append("mul")
        else:
            out.append(BY_NUMBER[op].lower())
    return out


def entry_point(argv):
    print run([PUSH, POP, ADD, MUL])
    print PUSH, POP, ADD, MUL, names["MUL"], HAS_MUL, len(OPNAMES)
    print BY_NUMBER[0], BY_NUMBER[10], 99 in BY_NUMBER
    return 0


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))

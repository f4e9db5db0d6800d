# specialize.memo() with bool arguments known only at run time: the memo
# function runs at translation time once per combination of their values,
# and each call picks its result at run time (constant arguments still
# select one result at translation time).
from rpython.rlib.objectmodel import specialize


class Table(object):
    def __init__(self, name, entries):
        self.name = name
        self.entries = entries


VERBOSE = Table("verbose", [1, 2, 3])
QUIET = Table("quiet", [4])


@specialize.memo()
def table(verbose):
    if verbose:
        return VERBOSE
    return QUIET


@specialize.memo()
def prefix(upper, tag, wide):
    s = tag.upper() if upper else tag
    if wide:
        s = s + "  "
    return s + ":"


def report(flag, loud):
    t = table(flag)
    t.entries.append(len(t.entries))
    return "%s %s %d" % (prefix(loud, "log", flag), t.name, len(t.entries))


def entry_point(argv):
    many = len(argv) > 5
    for i in range(6):
        print(report(i % 2 == 0, i % 3 == 0))
    print(report(many, not many))
    print(table(True).entries, table(False).entries)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

# error: 11:9: not_rpython
from rpython.rlib.objectmodel import not_rpython


@not_rpython
def build_table():
    return [1, 2, 3]


def entry_point(argv):
    t = build_table()
    return 0

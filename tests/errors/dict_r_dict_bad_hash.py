# error: 14:9: the key_hash function of an r_dict must return an int, not str
from rpython.rlib.objectmodel import r_dict


def eq(a, b):
    return a == b


def bad_hash(a):
    return a + "!"


def entry_point(argv):
    d = r_dict(eq, bad_hash)
    d["x"] = 1
    return 0

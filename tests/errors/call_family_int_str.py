# error: 20:13: the implementations of show() in the family of W_Root return different types (int and str)
class W_Root(object):
    def show(self):
        return 0


class W_Str(W_Root):
    def __init__(self, s):
        self.s = s

    def show(self):
        return self.s


def entry_point(argv):
    items = [W_Root(), W_Str("x")]
    if len(argv) > 5:
        items.append(W_Root())
    for w in items:
        r = w.show()
        print(r)
    return 0

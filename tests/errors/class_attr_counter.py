# error: 9:9: cannot set attribute 'made' of a class


class Widget(object):
    made = 0

    def __init__(self, name):
        self.name = name
        Widget.made += 1


def entry_point(argv):
    w = Widget("a")
    print(w.name, Widget.made)
    return 0

class Registry(object):
    def __init__(self):
        self.count = 0
        self.last = ""

    def register(self, name):
        self.count += 1
        self.last = name
        return self.count


REG = Registry()


class Widget(object):
    def __init__(self, name):
        self.name = name
        self.id = REG.register(name)

    def show(self):
        return self.name + "#" + str(self.id)


class Button(Widget):
    def __init__(self, name, action):
        Widget.__init__(self, "button:" + name)
        self.action = action

    def show(self):
        return Widget.show(self) + "->" + self.action


def entry_point(argv):
    a = Widget("a")
    b = Button("ok", "submit")
    c = Widget("c")
    print(a.show())
    print(b.show())
    print(c.show())
    print(REG.count, REG.last)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

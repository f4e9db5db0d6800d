# A _mixin_ listed after the real base comes after the base and its
# ancestors in the method resolution order: it only supplies methods they
# lack. One listed before the base overrides it.


class Root(object):
    def name(self):
        return "Root.name"


class Base(Root):
    def f(self):
        return "Base.f"


class M(object):
    _mixin_ = True

    def f(self):
        return "M.f"

    def name(self):
        return "M.name"

    def extra(self):
        return "M.extra of " + self.f()


class After(Base, M):
    pass


class Before(M, Base):
    pass


class Own(Base, M):
    def f(self):
        return "Own.f"


def entry_point(argv):
    for obj in [After(), Before(), Own()]:
        print(obj.f(), obj.name(), obj.extra())
    base = Base()
    print(base.f(), base.name())
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

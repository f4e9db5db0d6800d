# error: 18:25: super() in a method of the _mixin_ class Log is not supported
# Each class that lists a mixin gets its own copy of its methods, so where
# super() would continue depends on the copying class: refused, with the
# explicit call as the way out.


class Base(object):
    def f(self):
        return "Base.f"


class Log(object):
    _mixin_ = True

    def f(self):
        # super() here would mean "after Log in the class that lists
        # Log", which differs per class.
        return "Log>" + super().f()


class A(Log, Base):
    pass


def entry_point(argv):
    print(A().f())
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

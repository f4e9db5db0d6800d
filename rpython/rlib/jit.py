"""JIT hints, as in RPython. Under CPython they do nothing: a JitDriver only
checks that its merge points name exactly its green and red variables."""


class JitHintError(Exception):
    """A JIT hint was used with the wrong arguments."""


def _mark(attr):
    def decorate(func):
        setattr(func, attr, True)
        return func
    return decorate


elidable = _mark("_elidable_function_")
purefunction = elidable
dont_look_inside = _mark("_jit_look_inside_false_")
look_inside = _mark("_jit_look_inside_true_")
unroll_safe = _mark("_jit_unroll_safe_")
loop_invariant = _mark("_jit_loop_invariant_")


def look_inside_iff(predicate):
    return _mark("_jit_look_inside_iff_")


def elidable_promote(promote_args="all"):
    return elidable


def oopspec(spec):
    def decorate(func):
        func.oopspec = spec
        return func
    return decorate


def promote(x):
    return x


def promote_string(x):
    return x


def promote_unicode(x):
    return x


def hint(x, **kwds):
    return x


def we_are_jitted():
    return False


def isconstant(x):
    return False


def isvirtual(x):
    return False


def assert_green(x):
    pass


def record_exact_class(x, cls):
    pass


def conditional_call(condition, function, *args):
    if condition:
        function(*args)


def set_param(driver, name, value):
    pass


def set_user_param(driver, text):
    pass


class JitDriver(object):
    """Declares an interpreter loop: greens identify a position in the
    user program, reds are the rest of the loop's live variables."""

    def __init__(self, greens=None, reds=None, virtualizables=None,
                 get_printable_location=None, confirm_enter_jit=None,
                 can_never_inline=None, should_unroll_one_iteration=None,
                 name="jitdriver", check_untranslated=True, vectorize=False,
                 get_unique_id=None, is_recursive=False, get_location=None):
        # A subclass may declare greens/reds (and virtualizables) as class
        # attributes, as RPython allows.
        if greens is None:
            greens = getattr(type(self), "greens", None)
        if reds is None:
            reds = getattr(type(self), "reds", None)
        if virtualizables is None:
            virtualizables = getattr(type(self), "virtualizables", None)
        if greens is None or reds is None:
            raise JitHintError("JitDriver needs greens=[...] and reds=[...]")
        self.greens = list(greens)
        self.reds = reds if reds == "auto" else list(reds)
        self.virtualizables = list(virtualizables or [])
        self.get_printable_location = get_printable_location
        self.name = name
        for v in self.virtualizables:
            if self.reds == "auto" or v not in self.reds:
                raise JitHintError("virtualizable %r must be a red variable" % (v,))

    def _expected(self):
        if self.reds == "auto":
            return self.greens
        return self.greens + self.reds

    def _check(self, hint_name, kwds):
        expected = self._expected()
        if sorted(kwds) != sorted(expected):
            missing = [n for n in expected if n not in kwds]
            extra = sorted([n for n in kwds if n not in expected])
            raise JitHintError("%s(): expected the variables %s; missing %s, unexpected %s"
                               % (hint_name, ", ".join(expected), missing, extra))

    def jit_merge_point(self, **livevars):
        self._check("jit_merge_point", livevars)

    def can_enter_jit(self, **livevars):
        self._check("can_enter_jit", livevars)

    def loop_header(self):
        pass

    def _freeze_(self):
        return True

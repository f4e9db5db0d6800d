"""Object-model hints and helpers, as in RPython.

Under CPython the specialisation and inlining hints only mark the function
(the marks are what the translator reads); r_dict is a real dictionary with
user-supplied equality and hash functions.
"""


def we_are_translated():
    """False under CPython; the translator replaces it by True."""
    return False


def _mark(tag):
    def decorate(func):
        func._annspecialcase_ = tag
        return func
    return decorate


def _args_text(args):
    return ", ".join([str(a) for a in args])


class _Specialize(object):
    """`@specialize.argtype(0)` and friends: specialisation requests."""

    def memo(self):
        return _mark("specialize:memo")

    def arg(self, *args):
        return _mark("specialize:arg(%s)" % _args_text(args))

    def argtype(self, *args):
        return _mark("specialize:argtype(%s)" % _args_text(args))

    def arglistitemtype(self, *args):
        return _mark("specialize:arglistitemtype(%s)" % _args_text(args))

    def call_location(self):
        return _mark("specialize:call_location")

    def ll(self):
        return _mark("specialize:ll")

    def ll_and_arg(self, *args):
        return _mark("specialize:ll_and_arg(%s)" % _args_text(args))


specialize = _Specialize()


def always_inline(func):
    func._always_inline_ = True
    return func


def dont_inline(func):
    func._dont_inline_ = True
    return func


def not_rpython(func):
    """Marks a function that must only run at translation time or untranslated."""
    func._not_rpython_ = True
    return func


def enforceargs(*types, **kwds):
    """Declares argument types; checked by the translator, ignored here."""
    def decorate(func):
        func._annenforceargs_ = (types, kwds)
        return func
    return decorate


def keepalive_until_here(*values):
    pass


def newlist_hint(sizehint=0):
    return []


def compute_identity_hash(x):
    """A hash that depends only on the object's identity."""
    return object.__hash__(x)


def compute_unique_id(x):
    return id(x)


def compute_hash(x):
    """hash() for strings, numbers, tuples and None; identity otherwise."""
    if x is None or isinstance(x, (str, bytes, int, float, tuple)) or type(x).__name__ in ("long", "unicode"):
        return hash(x)
    return compute_identity_hash(x)


class _Key(object):
    __slots__ = ("key", "owner")

    def __init__(self, key, owner):
        self.key = key
        self.owner = owner

    def __hash__(self):
        return self.owner.key_hash(self.key)

    def __eq__(self, other):
        return self.owner.key_eq(self.key, other.key)

    def __ne__(self, other):
        return not self.__eq__(other)


class r_dict(object):
    """A dict whose keys are compared with key_eq(a, b) and hashed with
    key_hash(a); iteration follows insertion order."""

    def __init__(self, key_eq, key_hash, force_non_null=False, simple_hash_eq=False):
        import collections
        self.key_eq = key_eq
        self.key_hash = key_hash
        self._d = collections.OrderedDict()

    def _k(self, key):
        return _Key(key, self)

    def __getitem__(self, key):
        return self._d[self._k(key)][1]

    def __setitem__(self, key, value):
        k = self._k(key)
        old = self._d.get(k)
        if old is not None:
            self._d[k] = (old[0], value)
        else:
            self._d[k] = (key, value)

    def __delitem__(self, key):
        del self._d[self._k(key)]

    def __contains__(self, key):
        return self._k(key) in self._d

    def __len__(self):
        return len(self._d)

    def __iter__(self):
        return iter(self.keys())

    def get(self, key, default=None):
        entry = self._d.get(self._k(key))
        return default if entry is None else entry[1]

    def setdefault(self, key, default=None):
        if key in self:
            return self[key]
        self[key] = default
        return default

    def pop(self, key, *default):
        k = self._k(key)
        if k in self._d:
            return self._d.pop(k)[1]
        if default:
            return default[0]
        raise KeyError(key)

    def popitem(self):
        k, (key, value) = self._d.popitem()
        return key, value

    def clear(self):
        self._d.clear()

    def update(self, other):
        for key, value in other.items():
            self[key] = value

    def copy(self):
        result = r_dict(self.key_eq, self.key_hash)
        result.update(self)
        return result

    def keys(self):
        return [entry[0] for entry in self._d.values()]

    def values(self):
        return [entry[1] for entry in self._d.values()]

    def items(self):
        return [entry for entry in self._d.values()]

    def iterkeys(self):
        return iter(self.keys())

    def itervalues(self):
        return iter(self.values())

    def iteritems(self):
        return iter(self.items())

    def __repr__(self):
        return "r_dict({%s})" % ", ".join(["%r: %r" % kv for kv in self.items()])


def import_from_mixin(M, special_methods=("__init__", "__del__")):
    """Copy the methods and attributes of class M into the class body that
    calls this (RPython's way of reusing code without inheritance)."""
    import sys
    target = sys._getframe(1).f_locals
    skip = ("__dict__", "__weakref__", "__module__", "__doc__", "__qualname__", "_mixin_")
    for cls in reversed(M.__mro__[:-1]):
        for name, value in cls.__dict__.items():
            if name in skip:
                continue
            if name.startswith("__") and name.endswith("__") and name not in special_methods:
                continue
            target[name] = value

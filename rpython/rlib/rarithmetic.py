"""Machine-word arithmetic helpers, as in RPython.

Translated, an int is a signed 64-bit word; under CPython ints are unbounded,
so these helpers make the wrapping and overflow checks explicit.
"""

LONG_BIT = 64
LONG_MASK = (1 << LONG_BIT) - 1
LONG_TEST = 1 << (LONG_BIT - 1)
maxint = LONG_TEST - 1
minint = -LONG_TEST

# Python 2 spells unbounded integers `long`; Python 3 only has `int`.
_PY3 = type(2 ** 64) is int
_bigint = int if _PY3 else long  # noqa: F821 (only evaluated on Python 2)
_int_types = (int,) if _PY3 else (int, long)  # noqa: F821


def intmask(n):
    """Wrap `n` (an int, bool, r_uint or float-free integer) to a signed word."""
    n = _bigint(n) & LONG_MASK
    if n >= LONG_TEST:
        n -= 1 << LONG_BIT
    return int(n)


def ovfcheck(r):
    """Return `r`, or raise OverflowError if it does not fit a signed word."""
    if isinstance(r, r_uint):
        raise TypeError("ovfcheck() on an unsigned value")
    if not (minint <= r <= maxint):
        raise OverflowError("integer overflow")
    return r


def is_valid_int(r):
    """True if `r` is an integer that fits in a signed machine word."""
    return isinstance(r, _int_types) and minint <= r <= maxint


def _wrap(value):
    return r_uint(value)


def _plain_unsigned(value):
    """`value` as a plain (not r_uint) integer in [0, 2**64)."""
    return _bigint(value) & LONG_MASK


class r_uint(_bigint):
    """An unsigned machine word: arithmetic wraps modulo 2**64."""

    __slots__ = ()
    BITS = LONG_BIT

    def __new__(cls, value=0):
        return _bigint.__new__(cls, _bigint(value) & LONG_MASK)

    def __add__(self, other):
        return _wrap(_bigint(self) + _bigint(other))

    __radd__ = __add__

    def __sub__(self, other):
        return _wrap(_bigint(self) - _bigint(other))

    def __rsub__(self, other):
        return _wrap(_bigint(other) - _bigint(self))

    def __mul__(self, other):
        return _wrap(_bigint(self) * _bigint(other))

    __rmul__ = __mul__

    def __floordiv__(self, other):
        return _wrap(_bigint(self) // _plain_unsigned(other))

    def __rfloordiv__(self, other):
        return _wrap(_plain_unsigned(other) // _bigint(self))

    __div__ = __floordiv__
    __rdiv__ = __rfloordiv__

    def __mod__(self, other):
        return _wrap(_bigint(self) % _plain_unsigned(other))

    def __rmod__(self, other):
        return _wrap(_plain_unsigned(other) % _bigint(self))

    def __and__(self, other):
        return _wrap(_bigint(self) & _bigint(other))

    __rand__ = __and__

    def __or__(self, other):
        return _wrap(_bigint(self) | _bigint(other))

    __ror__ = __or__

    def __xor__(self, other):
        return _wrap(_bigint(self) ^ _bigint(other))

    __rxor__ = __xor__

    def __lshift__(self, n):
        return _wrap(_bigint(self) << _bigint(n))

    def __rshift__(self, n):
        return _wrap(_bigint(self) >> _bigint(n))

    def __pow__(self, n, mod=None):
        if mod is None:
            return _wrap(pow(_bigint(self), _bigint(n), 1 << LONG_BIT))
        return _wrap(pow(_bigint(self), _bigint(n), _bigint(mod)))

    def __neg__(self):
        return _wrap(-_bigint(self))

    def __invert__(self):
        return _wrap(~_bigint(self))

    def __pos__(self):
        return self

    def __abs__(self):
        return self

    def __repr__(self):
        return "r_uint(%d)" % _bigint(self)

    def __str__(self):
        # Translated, str() of an r_uint is its decimal digits.
        return str(_bigint(self))

    def __format__(self, spec):
        return format(_bigint(self), spec)


# A signed machine word is just an int, as in RPython.
r_int = int
r_longlong = int
r_ulonglong = r_uint


def widen(n):
    """Widen a small integer type to a full word (a no-op here)."""
    return n

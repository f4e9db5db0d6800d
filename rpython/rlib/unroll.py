"""rpython.rlib.unroll for CPython: `unrolling_iterable(seq)` is a frozen
list of items. Translated, a `for` loop over one in a function is unrolled
at translation time: the body is copied once per item, with the loop
variable a constant in each copy."""


class unrolling_iterable(object):
    _immutable_ = True

    def __init__(self, iterable):
        self._items = list(iterable)

    def __iter__(self):
        return iter(self._items)

    def __len__(self):
        return len(self._items)

    def _freeze_(self):
        return True

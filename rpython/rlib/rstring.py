"""String builders, as in RPython: append pieces, then build() once."""

INIT_SIZE = 100


class StringBuilder(object):
    def __init__(self, init_size=INIT_SIZE):
        self._pieces = []
        self._length = 0
        self._empty = None

    def _add(self, s):
        if self._empty is None:
            self._empty = s[:0]
        self._pieces.append(s)
        self._length += len(s)

    def append(self, s):
        self._add(s)

    def append_slice(self, s, start, end):
        assert 0 <= start <= end <= len(s)
        self._add(s[start:end])

    def append_multiple_char(self, c, times):
        assert len(c) == 1
        self._add(c * times)

    def append_charpsize(self, s, size):
        self._add(s[:size])

    def getlength(self):
        return self._length

    def build(self):
        if self._empty is None:
            return ""
        return self._empty.join(self._pieces)


UnicodeBuilder = StringBuilder

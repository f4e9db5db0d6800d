"""rpython.rlib.streamio for CPython: `open_file_as_stream(path, mode)`
returns a file stream with read/readall/readline/write/flush/close. The
toolchain only lets a program import it for now: a call is refused where
it is translated."""

import sys


class _Stream(object):
    def __init__(self, path, mode):
        if "b" not in mode:
            mode += "b"
        self._f = open(path, mode)

    def _text(self, data):
        # RPython strs are byte strings: one char per byte under CPython 3.
        if sys.version_info[0] >= 3:
            return data.decode("latin-1")
        return data

    def read(self, n=-1):
        return self._text(self._f.read(n))

    def readall(self):
        return self._text(self._f.read())

    def readline(self):
        return self._text(self._f.readline())

    def write(self, data):
        if sys.version_info[0] >= 3:
            data = data.encode("latin-1")
        self._f.write(data)

    def flush(self):
        self._f.flush()

    def close(self):
        self._f.close()


def open_file_as_stream(path, mode="r", buffering=-1):
    return _Stream(path, mode)

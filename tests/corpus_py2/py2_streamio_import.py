# A module may import rpython.rlib.streamio (as RPython's tinyframe.py does)
# and keep its file-reading code for the untranslated command line: the
# import loads, and translated code that never opens a file runs.
import sys

from rpython.rlib.streamio import open_file_as_stream


def load(fname):
    f = open_file_as_stream(fname, "r")
    text = f.readall()
    f.close()
    return text


def count_words(text):
    return len(text.split())


def entry_point(argv):
    print count_words("LOAD 1 => r0 RETURN r0"), open_file_as_stream is not None
    return 0


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))

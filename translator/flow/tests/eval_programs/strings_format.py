# Format specs and %-formatting where they are easy to get wrong.


def show(v, spec):
    try:
        print(repr(spec), repr(f"{v:{spec}}"))
    except (ValueError, OverflowError) as e:
        print(repr(spec), type(e).__name__, str(e))


def pct(fmt, args):
    try:
        print(repr(fmt), repr(fmt % args))
    except (TypeError, ValueError, OverflowError) as e:
        print(repr(fmt), type(e).__name__, str(e))


def entry_point(argv):
    n = 1234567
    for spec in ["_", ",", "_x", "_b", "_o", "#_X", "010,", "010_", "0>10,", "=10,", "012_x", "#012_x", "+012,", " 012_", ",x", "_n", ",_", "_c", ".2", "+c", "05c", "#010x"]:
        show(n, spec)
    for spec in ["_", "_.2f", "015,.2f", "013,g", "010_%", ",f", "G", ".3G", "#g", "#.3g", "#", "#.0f", "#.0e", "d", "_n", "010"]:
        show(-1234.5, spec)
        show(1e20, spec)
    for spec in ["05", "<05", "+5", "=5", ",", "^7", "*>6.2"]:
        show("ab", spec)
    show(float("inf"), "010,")
    show(float("nan"), "+08")
    show(0, "05,")
    show(True, ">5")
    pct("%5d|%-5d|%05d|%+d|% d|%+05d|% 05d|%-05d", (42, 42, 42, 42, 42, 42, 42, 42))
    pct("%05s|%-5s|%5s|%05x|%#05x|%05.1f|%-08.2f|%+08.2e|%05c", ("ab", "ab", "ab", 255, 255, 2.5, 2.5, 2.5, "x"))
    pct("%g %G %#g %#G %#.3g %G %e %E", (1e-10, 1e-10, 1.0, 1e-10, 2.0, float("inf"), 0.0, 12345.678))
    pct("%5r|%-6r|%.1r|%#5o|%#X|%.3d|%5.3d|%-+5d|%0-5d|%05.3d|%-05.3d", ("a", "b", "cd", 8, 255, 7, 7, 7, 7, 7, -7))
    pct("%.3s|%10.4f|%*d|%-*d|%.*f", ("abcdef", 3.14159, 5, 42, 4, 7, 2, 3.14159))
    pct("%#x %#o %o %x %i %d", (-255, 0, -8, 3, True, -0.0))
    pct("%a %s %r", ("\xe9\u20ac", None, 1.5))
    pct("%05f|%-6f|%6.1f", (float("inf"), float("-inf"), float("nan")))
    pct("%x", 3.0)
    pct("%d", "a")
    pct("%f", "x")
    pct("%c", 1114112)
    pct("%c", "ab")
    pct("%z", 1)
    pct("%s %s", (1,))
    pct("%s", (1, 2))
    pct("abc", 5)
    pct("%d", float("inf"))
    pct("100%% %d%%", 99)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

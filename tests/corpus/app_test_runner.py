# A tiny unit-test harness; returns the number of failures as exit code.
class TestFailure(Exception):
    pass


def check_equal(a, b, what):
    if a != b:
        raise TestFailure("%s: expected %s, got %s" % (what, b, a))


def check_list(a, b, what):
    if a != b:
        raise TestFailure("%s: expected %s, got %s" % (what, b, a))


def check_float(a, b, what):
    if a != b:
        raise TestFailure("%s: expected %s, got %s" % (what, b, a))


class TestCase(object):
    name = "base"

    def setup(self):
        self.data = [5, 3, 8, 1]

    def run(self):
        raise NotImplementedError("run")


class SortTest(TestCase):
    name = "sort"

    def run(self):
        d = self.data[:]
        d.sort()
        check_list(d, [1, 3, 5, 8], "sorted")


class ReverseTest(TestCase):
    name = "reverse"

    def run(self):
        d = self.data[:]
        d.reverse()
        check_list(d, [1, 8, 3, 5], "reversed")


class BrokenTest(TestCase):
    name = "broken-sum"

    def run(self):
        check_equal(sum(self.data), 18, "sum")


class CrashTest(TestCase):
    name = "crash"

    def run(self):
        check_equal(self.data[10], 0, "index")


class MathTest(TestCase):
    name = "math"

    def run(self):
        check_equal(max(self.data) - min(self.data), 7, "range")
        check_equal(17 // 5 * 5 + 17 % 5, 17, "divmod identity")
        check_float(float(len(self.data)) / 8, 0.5, "ratio")


class AbstractTest(TestCase):
    name = "abstract"


def entry_point(argv):
    tests = [SortTest(), ReverseTest(), BrokenTest(), CrashTest(), MathTest(), AbstractTest()]
    passed = 0
    failed = 0
    errors = 0
    for t in tests:
        t.setup()
        try:
            t.run()
            passed += 1
            status = "PASS"
        except TestFailure as e:
            failed += 1
            status = "FAIL " + str(e)
        except IndexError as e:
            errors += 1
            status = "ERROR IndexError: " + str(e)
        except NotImplementedError:
            errors += 1
            status = "ERROR not implemented"
        print("%-12s %s" % (t.name, status))
    print("-" * 30)
    print("%d passed, %d failed, %d errors" % (passed, failed, errors))
    return failed + errors


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

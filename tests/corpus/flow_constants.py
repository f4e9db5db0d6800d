# The flow graph keeps constants, as RPython's flow space does: operations
# on constants are computed while building, a test they decide takes one
# way, a loop whose first test they decide runs at least once, and code
# made dead by a constant is never annotated.
THREADS = 0
MODE = "fast"


def pick(i):
    return i % 3


def loop_runs_once(n):
    # rpystone's `IntLoc1 = 2; IntLoc2 = 3; while IntLoc1 < IntLoc2:`:
    # `last` is bound after the loop because the loop runs at least once.
    i = 2
    limit = 3
    while i < limit:
        last = i * n
        i = i + 1
    return last


def folded_test(x):
    k = 3
    if k * 2 == 6:
        s = "folded"
    if k > 5:
        s = undefined_name(x)  # dead: never built nor annotated
    return s


def path_constant(x):
    e = None
    if x > 0:
        e = 1
        if e == 1 and not e == 2:
            return "one"
    return "other"


def enum_loop(n):
    enum_loc = None  # rpystone's "addition for flow space"
    total = 0
    i = 0
    while i < n:
        enum_loc = 2
        if enum_loc == pick(i):
            enum_loc = 5
        total += enum_loc
        i += 1
    return total


def dead_by_constant(n):
    if THREADS:
        return start_threads(n)  # never annotated
    if MODE == "slow":
        return [n]  # a list here would clash with the int below
    return n + 1


def breaks_in_first_iteration(n):
    i = 0
    while i < 10:
        found = i + n
        if n > 0:
            break
        i += 1
    return found


def entry_point(argv):
    print(loop_runs_once(5), loop_runs_once(7))
    print(folded_test(1))
    print(path_constant(1), path_constant(-1))
    print(enum_loop(10))
    print(dead_by_constant(41))
    print(breaks_in_first_iteration(3), breaks_in_first_iteration(0))
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(entry_point(sys.argv))

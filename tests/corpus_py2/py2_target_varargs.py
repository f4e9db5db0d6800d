# RPython's goal targets are `def target(*args)`, and module-level code may
# call *args functions freely: they run at translation time only.
import sys


def collect(*items):
    return len(items), items


def first_or(default, *rest):
    if rest:
        return rest[0]
    return default


COUNT, ITEMS = collect(1, 2, 3)
PICKED = first_or("none")
PICKED2 = first_or("none", "a", "b")
EMPTY = collect()[0]


def main(argv):
    print COUNT, ITEMS[2], PICKED, PICKED2, EMPTY
    return 0


def target(*args):
    return main, None


if __name__ == "__main__":
    sys.exit(main(sys.argv))

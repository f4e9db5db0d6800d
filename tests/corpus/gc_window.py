# args: 100000
# Many short-lived instances while a small window of them stays alive
# (the 20-million-object RSS check runs this with a bigger count).


class Cell(object):
    def __init__(self, value, next):
        self.value = value
        self.next = next


def run(n):
    window = None
    kept = 0
    total = 0
    for i in range(n):
        c = Cell(i, None)
        total += c.value
        if i % 64 == 0:
            window = Cell(i, window)
            kept += 1
            if kept > 100:
                window = Cell(i, None)
                kept = 1
    count = 0
    while window is not None:
        count += 1
        window = window.next
    return total, count


def entry_point(argv):
    n = 100000
    if len(argv) > 1:
        n = int(argv[1])
    total, count = run(n)
    print(total, count)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

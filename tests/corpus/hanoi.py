# args: 4
def hanoi(n, src, dst, via, verbose):
    if n == 0:
        return 0
    moves = hanoi(n - 1, src, via, dst, verbose)
    if verbose:
        print("move disk", n, "from", src, "to", dst)
    moves += 1
    moves += hanoi(n - 1, via, dst, src, verbose)
    return moves


def entry_point(argv):
    n = int(argv[1])
    total = hanoi(n, "A", "C", "B", True)
    print("total moves:", total)
    print("moves for 20 disks:", hanoi(20, "A", "C", "B", False))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

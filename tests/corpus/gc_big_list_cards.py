# args: 200000 60
# A big list of objects stays in the old generation while every round
# overwrites a few of its slots with fresh objects that nothing else
# references (under the generational GC the list's item array has a card
# table: minor collections scan only the cards that were written).


class Item(object):
    def __init__(self, key, payload):
        self.key = key
        self.payload = payload


def checksum(big):
    total = 0
    for it in big:
        total += it.key
        p = it.payload
        if len(p) > 0:
            total += len(p) * 1000 + p[0].key
    return total


def run(n, rounds):
    shared = []
    for i in range(100):
        shared.append(Item(i, []))
    big = [shared[0]] * n
    for i in range(n):
        big[i] = shared[i % 100]
    print("start", len(big), checksum(big))
    for r in range(rounds):
        for k in range(3):
            pos = (r * 7919 + k * 104729) % n
            big[pos] = Item(r * 10 + k, [Item(r, []), Item(k, [])])
        # The last slot, the first of a card and a slot in the same card.
        if r % 10 == 0:
            big[-1] = Item(-r, [Item(r + 1, [])])
            big[(r * 128) % n] = Item(r, [])
            big[(r * 128 + 5) % n] = Item(r + 5, [])
        if r == rounds // 2:
            big.append(Item(7, [Item(8, [])]))
        # Garbage that fills the nursery.
        junk = [r] * 40000
        if junk[r % 40000] != r:
            print("junk broken")
        if r % 20 == 0:
            print("round", r, checksum(big))
    print("end", len(big), checksum(big))
    return 0


def entry_point(argv):
    n = 200000
    rounds = 60
    if len(argv) > 2:
        n = int(argv[1])
        rounds = int(argv[2])
    return run(n, rounds)


if __name__ == "__main__":
    import sys

    sys.exit(entry_point(sys.argv))

def row(name, qty, price):
    return "%-10s %5d %10.2f %10.2f" % (name, qty, price, qty * price)


def entry_point(argv):
    names = "apple|banana|cherry|kiwi|watermelon".split("|")
    total = 0.0
    print("%-10s %5s %10s %10s" % ("item", "qty", "price", "total"))
    print("-" * 38)
    for i in range(len(names)):
        qty = (i + 1) * 3
        price = 0.25 + i * 1.1
        total += qty * price
        print(row(names[i], qty, price))
    print("-" * 38)
    print("%-10s %27.2f" % ("sum", total))
    print(f"{'item':<10}|{'qty':>5}|{'price':^9}|")
    for i in range(len(names)):
        print(f"{names[i]:<10}|{i * 7:>5}|{i * 1.5:^9.2f}|{i:03d}|{names[i]!r:>13}")
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

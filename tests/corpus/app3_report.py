# A report formatter: %-10s|%6.2f tables, f-string specs ({x:>8}, {y:08.3f}, {z:x}), grouping and totals.

SALES = [
    ("north", "widget", 12, 3.5),
    ("south", "widget", 7, 3.5),
    ("north", "gadget", 3, 19.99),
    ("east", "gizmo", 41, 0.75),
    ("south", "gadget", 11, 18.5),
    ("west", "widget", 0, 3.5),
    ("east", "widget", 25, 3.25),
    ("north", "gizmo", 9, 0.8),
    ("west", "doohickey", 2, 124.0),
]


class Row(object):
    def __init__(self, region, product, qty, price):
        self.region = region
        self.product = product
        self.qty = qty
        self.price = price

    def total(self):
        return self.qty * self.price


def rule(widths):
    return "+".join(["-" * w for w in widths])


def percent_table(rows):
    grand = 0.0
    for r in rows:
        grand += r.total()
    lines = []
    lines.append("%-10s|%-10s|%5s|%8s|%10s|%6s" % ("region", "product", "qty", "price", "total", "share"))
    lines.append(rule([10, 10, 5, 8, 10, 6]))
    for r in rows:
        share = 100.0 * r.total() / grand if grand else 0.0
        lines.append("%-10s|%-10s|%5d|%8.2f|%10.2f|%5.1f%%" % (r.region, r.product, r.qty, r.price, r.total(), share))
    lines.append(rule([10, 10, 5, 8, 10, 6]))
    lines.append("%-10s|%10s|%5d|%8s|%10.2f|%6s" % ("TOTAL", "", sum([r.qty for r in rows]), "", grand, "100%"))
    return lines


def fstring_table(rows):
    out = []
    for i, r in enumerate(rows):
        code = (i * 2654435761) & 0xFFFF
        out.append(f"{i:>3}. {r.region:<6}{r.product:^11}|{r.qty:>4}|{r.price:08.3f}|{code:x}|{code:#06x}|{r.qty:+d}|{r.total():>10.1f}|{r.product!r}")
    return out


def group_by(rows, key):
    groups = {}
    order = []
    for r in rows:
        k = r.region if key == "region" else r.product
        if k not in groups:
            groups[k] = []
            order.append(k)
        groups[k].append(r)
    return groups, order


def entry_point(argv):
    rows = [Row(a, b, c, d) for a, b, c, d in SALES]
    for line in percent_table(rows):
        print(line)
    print()
    for line in fstring_table(rows):
        print(line)
    print()
    for key in ["region", "product"]:
        groups, order = group_by(rows, key)
        print(f"by {key}:")
        for k in sorted(order):
            rs = groups[k]
            tot = sum([r.total() for r in rs])
            best = max([r.total() for r in rs])
            print(f"  {k:<10} n={len(rs):<2} total={tot:>9.2f} best={best:7.2f} avg={tot / len(rs):.3f}")
    widths = [len(r.product) for r in rows]
    print("widest %d narrowest %d" % (max(widths), min(widths)))
    print("%5.1f|%-8.3e|%g|%g|%g" % (1234.5678, 0.000123456, 1e20, 0.5, 100.0))
    print(f"{3.14159:.0f} {2.5:.0f} {-0.0:.1f} {1e-7:.2e} {42:06d} {-42:06d} {255:08b} {255:o}")
    print("%s %r %d%%" % ("a'b", "a'b", 50))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

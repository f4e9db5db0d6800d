def make_orders():
    orders = []
    customers = ["ann", "bob", "cat", "dan"]
    products = [("apple", 0.5), ("bread", 2.25), ("cheese", 7.8), ("dates", 4.0)]
    seed = 7
    for i in range(18):
        seed = (seed * 31 + 11) % 1009
        cust = customers[seed % 4]
        name, price = products[(seed // 4) % 4]
        qty = seed % 5 + 1
        orders.append({"id": "o%03d" % i, "customer": cust, "product": name,
                       "qty": str(qty), "price": "%.2f" % price})
    return orders


def group_by(orders, field):
    groups = {}
    for o in orders:
        k = o[field]
        if k not in groups:
            groups[k] = []
        groups[k].append(o)
    return groups


def totals(orders):
    by_pair = {}
    for o in orders:
        key = (o["customer"], o["product"])
        amount = int(o["qty"]) * float(o["price"])
        if key in by_pair:
            q, a = by_pair[key]
            by_pair[key] = (q + int(o["qty"]), a + amount)
        else:
            by_pair[key] = (int(o["qty"]), amount)
    return by_pair


def entry_point(argv):
    orders = make_orders()
    print(orders[0])
    print(orders[-1]["id"], sorted(list(orders[-1].keys())))
    groups = group_by(orders, "customer")
    names = list(groups.keys())
    names.sort()
    for n in names:
        ids = [o["id"] for o in groups[n]]
        print(n, len(ids), ids)
    pairs = totals(orders)
    keys = list(pairs.keys())
    keys.sort()
    grand = 0.0
    for k in keys:
        q, a = pairs[k]
        grand += a
        print("%-4s %-7s qty=%2d amount=%7.2f" % (k[0], k[1], q, a))
    print("grand total: %.2f" % grand)
    per_product = {}
    for (cust, prod), (q, a) in pairs.items():
        per_product.setdefault(prod, []).append(cust)
    for prod in sorted(list(per_product.keys())):
        per_product[prod].sort()
        print(prod, "<-", per_product[prod])
    stock = {"apple": 30, "bread": 10, "cheese": 5, "dates": 12}
    short = []
    for o in orders:
        p = o["product"]
        need = int(o["qty"])
        if stock[p] >= need:
            stock[p] -= need
        else:
            short.append((o["id"], p, need, stock[p]))
    print("stock left:", stock)
    print("short:", short)
    inverted = {}
    for k, v in stock.items():
        inverted[v] = inverted.get(v, "") + k[0]
    print(inverted)
    nested = {"a": [1, 2, 3], "b": [], "c": [4]}
    nested["b"].append(9)
    nested["d"] = nested.pop("a")
    print(nested, len(nested), [len(v) for v in nested.values()])
    matrix = [[(i, j) for j in range(3)] for i in range(2)]
    print(matrix)
    print(list(zip(["x", "y", "z"], [1.5, 2.5, 3.5])))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

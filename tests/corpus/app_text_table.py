def parse_records(text):
    records = []
    for lineno, line in enumerate(text.splitlines()):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        fields = [f.strip() for f in line.split(",")]
        if len(fields) != 4:
            print("line %d: expected 4 fields, got %d" % (lineno + 1, len(fields)))
            continue
        name, city, qty, price = fields
        try:
            records.append((name.title(), city.upper(), int(qty), float(price)))
        except ValueError as e:
            print("line %d: %s" % (lineno + 1, e))
    return records


def table(headers, rows, widths, aligns):
    sep = "+" + "+".join(["-" * (w + 2) for w in widths]) + "+"
    out = [sep]
    cells = []
    for i in range(len(headers)):
        cells.append(" " + headers[i].center(widths[i]) + " ")
    out.append("|" + "|".join(cells) + "|")
    out.append(sep.replace("-", "="))
    for row in rows:
        cells = []
        for i in range(len(row)):
            if aligns[i] == "l":
                cells.append(" " + row[i].ljust(widths[i]) + " ")
            else:
                cells.append(" " + row[i].rjust(widths[i]) + " ")
        out.append("|" + "|".join(cells) + "|")
    out.append(sep)
    return "\n".join(out)


DATA = """
# name, city, qty, price
alice smith, paris, 3, 9.5
bob jones , london,12,  0.25
carol, new york, 1, 1299.99
dave, paris, x, 3.0
erin, berlin, 7
frank o'neil, london, 40, 2.125
"""


def entry_point(argv):
    recs = parse_records(DATA)
    rows = []
    total = 0.0
    by_city = {}
    for name, city, qty, price in recs:
        amount = qty * price
        total += amount
        by_city[city] = by_city.get(city, 0.0) + amount
        rows.append([name, city, str(qty), "%.2f" % price, "%10.2f" % amount])
    widths = [0, 0, 0, 0, 0]
    headers = ["Name", "City", "Qty", "Price", "Amount"]
    for i in range(5):
        widths[i] = len(headers[i])
        for r in rows:
            if len(r[i]) > widths[i]:
                widths[i] = len(r[i])
    print(table(headers, rows, widths, "llrrr"))
    print("Total:".rjust(30), "%.2f" % total)
    cities = list(by_city.keys())
    cities.sort()
    for c in cities:
        print(c.ljust(10, ".") + ("%.1f" % by_city[c]).rjust(10, "."))
    s = "  Hello, World!  "
    print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()), repr(s.strip(" !H")))
    print(s.find("o"), s.rfind("o"), s.find("xyz"), s.count("l"), s.index("W"))
    print(s.replace("l", "L", 2), s.lower(), s.upper(), s.swapcase())
    print("a-b-c".split("-"), "a-b-c".rsplit("-", 1), "  a  b ".split(), "x".join(["1", "2", "3"]))
    print("abc".startswith("ab"), "abc".endswith("bc"), "Title Case".istitle(), "12a".isdigit())
    print("[" + "mid".center(9, "*") + "]", "[" + "x".zfill(4) + "]", "-42".zfill(6))
    print("%5s|%-5s|%05d|%x|%o|%e" % ("ab", "cd", 42, 255, 8, 12345.678))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

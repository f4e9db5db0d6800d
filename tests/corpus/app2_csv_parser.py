# A state machine parser for CSV with quotes, then a report over rows as objects.

DATA = '''name,city,amount,note
"Smith, John",Boston,120.50,regular
Jane Doe,"New York",99,"said ""hi"""
"Multi
Line",Austin,-3.25,
Bob,,0,"trailing, comma",
"Unclosed,Dallas,5,x'''

START = 0
IN_FIELD = 1
IN_QUOTES = 2
QUOTE_IN_QUOTES = 3


class CsvError(Exception):
    def __init__(self, line):
        self.line = line


def parse(text):
    rows = []
    row = []
    field = ""
    state = START
    line = 1
    for ch in text:
        if state == START or state == IN_FIELD:
            if ch == '"' and state == START:
                state = IN_QUOTES
            elif ch == ",":
                row.append(field)
                field = ""
                state = START
            elif ch == "\n":
                row.append(field)
                rows.append(row)
                row = []
                field = ""
                state = START
                line += 1
            else:
                field += ch
                state = IN_FIELD
        elif state == IN_QUOTES:
            if ch == '"':
                state = QUOTE_IN_QUOTES
            else:
                if ch == "\n":
                    line += 1
                field += ch
        else:
            if ch == '"':
                field += '"'
                state = IN_QUOTES
            elif ch == ",":
                row.append(field)
                field = ""
                state = START
            elif ch == "\n":
                row.append(field)
                rows.append(row)
                row = []
                field = ""
                state = START
                line += 1
            else:
                raise CsvError(line)
    if state == IN_QUOTES:
        raise CsvError(line)
    row.append(field)
    rows.append(row)
    return rows


class Record(object):
    def __init__(self, name, city, amount, note):
        self.name = name
        self.city = city
        self.amount = amount
        self.note = note


def to_records(rows):
    header = rows[0]
    out = []
    for i, r in enumerate(rows[1:]):
        if len(r) != len(header):
            print("row", i + 1, "has", len(r), "fields, expected", len(header))
            r = (r + [""] * len(header))[:len(header)]
        out.append(Record(r[0], r[1] or "?", float(r[2]), r[3]))
    return out


def entry_point(argv):
    try:
        parse(DATA)
    except CsvError as e:
        print("unterminated quote starting before line", e.line)
    good = DATA[:DATA.rindex("\n")]
    rows = parse(good)
    for r in rows:
        print(len(r), [f for f in r])
    recs = to_records(rows)
    total = 0.0
    for rec in recs:
        total += rec.amount
        print("%-12s|%-9s|%8.2f|%r" % (rec.name.replace("\n", "\\n"), rec.city, rec.amount, rec.note))
    print("total", total, "mean %.3f" % (total / len(recs)))
    by_city = {}
    for rec in recs:
        by_city[rec.city] = by_city.get(rec.city, 0.0) + rec.amount
    for k, v in sorted(by_city.items()):
        print(k, v)
    try:
        parse('a,"b"c\n')
    except CsvError as e:
        print("junk after quote on line", e.line)
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(entry_point(sys.argv))

# Date arithmetic: leap years, day of year, days between dates, weekday, adding days, month calendars.

MONTH_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December")
WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
CUMULATIVE = [0]
for _d in MONTH_DAYS:
    CUMULATIVE.append(CUMULATIVE[-1] + _d)


class DateError(ValueError):
    pass


def is_leap(y):
    return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)


def days_in_month(y, m):
    if m == 2 and is_leap(y):
        return 29
    return MONTH_DAYS[m - 1]


class Date(object):
    def __init__(self, y, m, d):
        if not 1 <= m <= 12:
            raise DateError("month %d out of range" % m)
        if not 1 <= d <= days_in_month(y, m):
            raise DateError("day %d out of range for %s %d" % (d, MONTH_NAMES[m - 1], y))
        self.y = y
        self.m = m
        self.d = d

    def ordinal(self):
        y = self.y - 1
        days = y * 365 + y // 4 - y // 100 + y // 400
        days += CUMULATIVE[self.m - 1]
        if self.m > 2 and is_leap(self.y):
            days += 1
        return days + self.d

    def weekday(self):
        return (self.ordinal() - 1) % 7

    def iso(self):
        return "%04d-%02d-%02d" % (self.y, self.m, self.d)

    def show(self):
        return "Date(%s)" % self.iso()


def from_ordinal(n):
    y = 1 + (n - 1) // 366
    while Date(y + 1, 1, 1).ordinal() <= n:
        y += 1
    rest = n - Date(y, 1, 1).ordinal()
    m = 1
    while rest >= days_in_month(y, m):
        rest -= days_in_month(y, m)
        m += 1
    return Date(y, m, rest + 1)


def parse(s):
    parts = s.split("-")
    if len(parts) != 3:
        raise DateError("bad date %r" % s)
    try:
        return Date(int(parts[0]), int(parts[1]), int(parts[2]))
    except ValueError as e:
        if isinstance(e, DateError):
            raise
        raise DateError("bad number in %r" % s)


def calendar(y, m):
    lines = [("%s %d" % (MONTH_NAMES[m - 1], y)).center(20).rstrip(), "Mo Tu We Th Fr Sa Su"]
    first = Date(y, m, 1).weekday()
    row = "   " * first
    col = first
    for d in range(1, days_in_month(y, m) + 1):
        row += "%2d" % d
        col += 1
        if col == 7:
            lines.append(row)
            row = ""
            col = 0
        else:
            row += " "
    if row:
        lines.append(row.rstrip())
    return lines


def entry_point(argv):
    for s in ["2000-02-29", "1999-12-31", "2024-07-04", "1970-01-01", "2100-03-01", "0001-01-01"]:
        d = parse(s)
        print(d.show(), WEEKDAYS[d.weekday()], "ordinal", d.ordinal(), "leap" if is_leap(d.y) else "")
    pairs = [("1970-01-01", "2000-01-01"), ("2024-01-01", "2024-12-31"), ("2023-03-15", "2021-11-30")]
    for a, b in pairs:
        print("days %s -> %s: %d" % (a, b, parse(b).ordinal() - parse(a).ordinal()))
    base = parse("2023-12-25")
    for delta in [1, 7, 30, 365, 366, 1000, -359]:
        print("%s %+5d = %s" % (base.iso(), delta, from_ordinal(base.ordinal() + delta).iso()))
    for bad in ["2023-02-29", "2023-13-01", "2023-1", "20x3-01-01", "1900-02-29"]:
        try:
            parse(bad)
            print("accepted", bad)
        except DateError as e:
            print("DateError:", e)
    for line in calendar(2024, 2):
        print(line)
    fridays = 0
    for y in range(1990, 2030):
        for m in range(1, 13):
            if Date(y, m, 13).weekday() == 4:
                fridays += 1
    print("friday 13ths 1990-2029:", fridays)
    round_trip = 0
    for n in range(730000, 740000, 37):
        if from_ordinal(n).ordinal() == n:
            round_trip += 1
    print("round trips", round_trip)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

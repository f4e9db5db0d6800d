# A tiny SQL-like query engine over lists of row objects: where, order by, group by, join.


class Emp(object):
    def __init__(self, id, name, dept, salary, boss):
        self.id = id
        self.name = name
        self.dept = dept
        self.salary = salary
        self.boss = boss


class Dept(object):
    def __init__(self, code, title, floor):
        self.code = code
        self.title = title
        self.floor = floor


EMPS = [
    Emp(1, "ada", "eng", 185000, 0),
    Emp(2, "bob", "eng", 120000, 1),
    Emp(3, "cyd", "ops", 95000, 1),
    Emp(4, "dee", "ops", 99000, 3),
    Emp(5, "eve", "sec", 150000, 1),
    Emp(6, "fay", "eng", 120000, 2),
    Emp(7, "gus", "mkt", 70000, 1),
]
DEPTS = [Dept("eng", "Engineering", 3), Dept("ops", "Operations", 1), Dept("sec", "Security", 2)]


class Query(object):
    def __init__(self, rows):
        self.rows = rows
        self.log = []

    def where_min_salary(self, lo):
        self.rows = [r for r in self.rows if r.salary >= lo]
        self.log.append("salary>=%d" % lo)
        return self

    def where_dept(self, depts):
        self.rows = [r for r in self.rows if r.dept in depts]
        self.log.append("dept in " + ",".join(depts))
        return self

    def order_by_salary_desc(self):
        keyed = sorted([(-r.salary, r.id) for r in self.rows])
        by_id = {}
        for r in self.rows:
            by_id[r.id] = r
        self.rows = [by_id[i] for _, i in keyed]
        self.log.append("order")
        return self

    def limit(self, n):
        self.rows = self.rows[:n]
        self.log.append("limit %d" % n)
        return self

    def names(self):
        return [r.name for r in self.rows]


def group_sum(rows):
    sums = {}
    counts = {}
    for r in rows:
        sums[r.dept] = sums.get(r.dept, 0) + r.salary
        counts[r.dept] = counts.get(r.dept, 0) + 1
    out = []
    for k in sorted(sums.keys()):
        out.append((k, counts[k], sums[k], sums[k] / counts[k]))
    return out


def join(emps, depts):
    index = {}
    for d in depts:
        index[d.code] = d
    res = []
    for e in emps:
        if e.dept not in index:
            res.append((e.name, "-", -1))
            continue
        d = index[e.dept]
        res.append((e.name, d.title, d.floor))
    return res


def chain(emps, start):
    by_id = {}
    for e in emps:
        by_id[e.id] = e
    out = []
    cur = start
    while cur in by_id:
        out.append(by_id[cur].name)
        cur = by_id[cur].boss
    return " -> ".join(out)


def entry_point(argv):
    q = Query(EMPS).where_min_salary(96000).order_by_salary_desc().limit(4)
    print(q.names(), q.log)
    q2 = Query(EMPS).where_dept(["ops", "mkt"]).order_by_salary_desc()
    print(q2.names(), " | ".join(q2.log))
    for dept, n, total, mean in group_sum(EMPS):
        print("%-4s n=%d total=%7d mean=%10.2f %s" % (dept, n, total, mean, mean))
    for name, title, floor in join(EMPS, DEPTS):
        print("  %s works in %s on floor %d" % (name, title, floor) if floor >= 0 else "  %s has no dept" % name)
    for i in (6, 4, 1, 9):
        print(i, chain(EMPS, i))
    top = max([e.salary for e in EMPS])
    print([e.name for e in EMPS if e.salary == top], sum([e.salary for e in EMPS]) // len(EMPS))
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(entry_point(sys.argv))

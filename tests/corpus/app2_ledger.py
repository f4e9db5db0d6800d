# A bank ledger with exceptions and rollback (try/except/finally).


class LedgerError(Exception):
    pass


class Insufficient(LedgerError):
    def __init__(self, account, need):
        LedgerError.__init__(self)
        self.account = account
        self.need = need


class Frozen(LedgerError):
    pass


class Counter(object):
    def __init__(self):
        self.count = 0

    def bump(self):
        self.count += 1
        return self


ACCOUNTS = Counter()


class Account(object):

    def __init__(self, name, cents):
        self.name = name
        self.cents = cents
        self.frozen = False
        ACCOUNTS.bump()


class Ledger(object):
    def __init__(self):
        self.accounts = {}
        self.journal = []
        self.undo = []
        self.depth = 0

    def open(self, name, cents):
        self.accounts[name] = Account(name, cents)
        return self

    def move(self, src, dst, cents):
        a = self.accounts[src]
        b = self.accounts[dst]
        if a.frozen or b.frozen:
            raise Frozen(src if a.frozen else dst)
        if a.cents < cents:
            raise Insufficient(src, cents - a.cents)
        a.cents -= cents
        b.cents += cents
        self.undo.append((src, dst, cents))

    def batch(self, moves):
        mark = len(self.undo)
        self.depth += 1
        ok = False
        try:
            for src, dst, cents in moves:
                self.move(src, dst, cents)
            ok = True
        except Insufficient as e:
            self.journal.append("short %s by %s" % (e.account, money(e.need)))
        except Frozen as e:
            self.journal.append("frozen")
        except KeyError:
            self.journal.append("no such account")
        finally:
            self.depth -= 1
            if not ok:
                while len(self.undo) > mark:
                    src, dst, cents = self.undo.pop()
                    self.accounts[src].cents += cents
                    self.accounts[dst].cents -= cents
                self.journal.append("rolled back to %d" % mark)
            else:
                self.journal.append("committed %d" % (len(self.undo) - mark))
        return ok

    def total(self):
        return sum([a.cents for a in self.accounts.values()])


def money(c):
    sign = "-" if c < 0 else ""
    c = abs(c)
    return "%s$%d.%02d" % (sign, c // 100, c % 100)


def report(led):
    for name in sorted(led.accounts.keys()):
        acct = led.accounts[name]
        print("  %-6s %10s%s" % (name, money(acct.cents), " (frozen)" if acct.frozen else ""))
    print("  total", money(led.total()))


def entry_point(argv):
    led = Ledger().open("alice", 10000).open("bob", 2550).open("carol", 0)
    batches = [
        [("alice", "bob", 2500), ("bob", "carol", 5000)],
        [("alice", "bob", 2500), ("bob", "carol", 9000)],
        [("carol", "alice", 1)],
        [("alice", "dave", 1)],
        [("bob", "alice", 50), ("alice", "carol", 3333), ("carol", "bob", 1111)],
    ]
    for i, b in enumerate(batches):
        r = led.batch(b)
        print("batch", i, "ok" if r else "failed", led.depth)
        report(led)
    led.accounts["bob"].frozen = True
    print(led.batch([("alice", "carol", 1), ("carol", "bob", 1)]))
    for line in led.journal:
        print(line)
    print("accounts", ACCOUNTS.count)
    led.accounts["bob"].frozen = False
    led.move("carol", "alice", 10 ** 6)
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(entry_point(sys.argv))

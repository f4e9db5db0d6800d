class BankError(Exception):
    pass


class InsufficientFunds(BankError):
    def __init__(self, account, amount):
        BankError.__init__(self, "account %s: cannot withdraw %d (balance %d)" % (
            account.number, amount, account.balance))
        self.amount = amount


class AccountFrozen(BankError):
    pass


class UnknownAccount(BankError):
    def __init__(self, number):
        BankError.__init__(self, "no such account: " + number)
        self.number = number


class Account(object):
    kind = "basic"

    def __init__(self, number, owner, balance=0):
        self.number = number
        self.owner = owner
        self.balance = balance
        self.frozen = False
        self.history = []

    def deposit(self, amount):
        if amount <= 0:
            raise ValueError("deposit must be positive")
        self.check_frozen()
        self.balance += amount
        self.history.append(("deposit", amount))

    def withdraw(self, amount):
        self.check_frozen()
        if amount > self.limit():
            raise InsufficientFunds(self, amount)
        self.balance -= amount
        self.history.append(("withdraw", amount))

    def check_frozen(self):
        if self.frozen:
            raise AccountFrozen("account %s is frozen" % self.number)

    def limit(self):
        return self.balance

    def month_end(self):
        pass

    def describe(self):
        return f"{self.kind:>8} {self.number} {self.owner:<6} {self.balance:7d}"


class Savings(Account):
    kind = "savings"

    def __init__(self, number, owner, balance, rate_pct):
        Account.__init__(self, number, owner, balance)
        self.rate_pct = rate_pct

    def month_end(self):
        interest = self.balance * self.rate_pct // 100
        self.balance += interest
        self.history.append(("interest", interest))


class Checking(Account):
    kind = "checking"

    def __init__(self, number, owner, balance, overdraft):
        Account.__init__(self, number, owner, balance)
        self.overdraft = overdraft

    def limit(self):
        return self.balance + self.overdraft

    def month_end(self):
        if self.balance < 0:
            fee = 5
            self.balance -= fee
            self.history.append(("fee", fee))


class Bank(object):
    def __init__(self):
        self.accounts = {}
        self.order = []

    def open(self, acc):
        self.accounts[acc.number] = acc
        self.order.append(acc.number)

    def find(self, number):
        if number not in self.accounts:
            raise UnknownAccount(number)
        return self.accounts[number]

    def transfer(self, src, dst, amount):
        a = self.find(src)
        b = self.find(dst)
        a.withdraw(amount)
        try:
            b.deposit(amount)
        except BankError:
            a.balance += amount
            a.history.append(("refund", amount))
            raise

    def report(self):
        total = 0
        for number in self.order:
            acc = self.accounts[number]
            print(acc.describe())
            total += acc.balance
        print("total:", total)


def entry_point(argv):
    bank = Bank()
    bank.open(Account("A1", "ann", 100))
    bank.open(Savings("S1", "bob", 1000, 2))
    bank.open(Checking("C1", "cy", 50, 200))
    bank.open(Checking("C2", "dee", 0, 0))
    ops = [("A1", "S1", 30), ("S1", "C1", 500), ("C1", "A1", 700),
           ("C1", "A1", 600), ("X9", "A1", 1), ("C2", "A1", 1),
           ("A1", "C2", 70), ("A1", "C2", 0)]
    for src, dst, amount in ops:
        try:
            bank.transfer(src, dst, amount)
            print("ok   ", src, "->", dst, amount)
        except InsufficientFunds as e:
            print("short", e.amount, str(e))
        except UnknownAccount as e:
            print("who? ", e.number, "|", e)
        except BankError as e:
            print("bank error", e)
        except ValueError as e:
            print("value error:", e)
    bank.find("C2").frozen = True
    try:
        bank.transfer("A1", "C2", 10)
    except AccountFrozen as e:
        print("frozen:", e)
    for month in range(3):
        for number in bank.order:
            bank.find(number).month_end()
    bank.report()
    for number in bank.order:
        acc = bank.find(number)
        print(number, len(acc.history), acc.history[-3:])
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

class InsufficientFunds(Exception):
    def __init__(self, need, have):
        Exception.__init__(self, "need " + str(need) + " have " + str(have))
        self.need = need
        self.have = have


class Account(object):
    def __init__(self, owner, balance):
        self.owner = owner
        self.balance = balance

    def withdraw(self, amount):
        if amount > self.balance:
            raise InsufficientFunds(amount, self.balance)
        self.balance -= amount
        return self.balance

    def fee(self):
        return 1


class Premium(Account):
    def fee(self):
        return 0

    def withdraw(self, amount):
        if amount > self.balance + 100:
            raise InsufficientFunds(amount, self.balance + 100)
        self.balance -= amount
        return self.balance


def transact(acc, amounts_seed):
    for i in range(4):
        amt = (amounts_seed * (i + 3)) % 70
        try:
            left = acc.withdraw(amt + acc.fee())
            print(acc.owner, "withdrew", amt, "left", left)
        except InsufficientFunds as e:
            print(acc.owner, "refused:", e, e.need - e.have)


def entry_point(argv):
    transact(Account("ann", 100), 17)
    transact(Premium("bob", 50), 23)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

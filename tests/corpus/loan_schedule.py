RATE = 0.05 / 12
MONTHS = 12


def payment(principal, rate, months):
    factor = (1.0 + rate) ** months
    return principal * rate * factor / (factor - 1.0)


def entry_point(argv):
    balance = 10000.0
    p = payment(balance, RATE, MONTHS)
    print("monthly payment", p)
    paid_interest = 0.0
    for m in range(1, MONTHS + 1):
        interest = balance * RATE
        paid_interest += interest
        balance = balance + interest - p
        if m % 3 == 0:
            print(m, balance)
    print("interest", paid_interest)
    cents = int(p * 100.0 + 0.5)
    print("rounded", cents // 100, cents % 100)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

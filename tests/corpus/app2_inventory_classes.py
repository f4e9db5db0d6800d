# Class constants overridden in subclasses, super() chains, try/finally inside while True loops.


class Item(object):
    TAX = 0.2
    KIND = "item"

    def __init__(self, name, price, qty):
        self.name = name
        self.price = price
        self.qty = qty

    def gross(self):
        return self.price * self.qty * (1.0 + self.TAX)

    def label(self):
        return "%s:%s" % (self.KIND, self.name)


class Food(Item):
    TAX = 0.05
    KIND = "food"


class Book(Item):
    TAX = 0.0
    KIND = "book"

    def __init__(self, name, price, qty, pages):
        super().__init__(name, price, qty)
        self.pages = pages

    def label(self):
        return super().label() + "(%dp)" % self.pages


class OutOfStock(Exception):
    def __init__(self, name):
        self.name = name


def take(stock, name, n):
    for it in stock:
        if it.name == name:
            if it.qty < n:
                raise OutOfStock(name)
            it.qty -= n
            return it.price * n
    raise KeyError(name)


def process(stock, orders):
    i = 0
    attempts = 0
    income = 0.0
    log = []
    while True:
        if i >= len(orders):
            break
        name, n = orders[i]
        i += 1
        try:
            attempts += 1
            if n == 0:
                continue
            income += take(stock, name, n)
            log.append("+" + name)
        except OutOfStock as e:
            log.append("!" + e.name)
        except KeyError:
            log.append("?" + name)
        finally:
            log.append(str(attempts))
    return income, log


def entry_point(argv):
    stock = [Item("pen", 1.5, 10), Food("apple", 0.4, 50), Book("sicp", 45.0, 2, 657), Food("tea", 3.25, 4)]
    for it in stock:
        print("%-14s %-5s tax=%.2f gross=%9.3f %r" % (it.label(), it.KIND, it.TAX, it.gross(), it.gross()))
    orders = [("pen", 3), ("apple", 60), ("sicp", 1), ("lamp", 1), ("tea", 0), ("tea", 4), ("sicp", 2)]
    income, log = process(stock, orders)
    print(income, " ".join(log))
    print([(it.name, it.qty) for it in stock])
    total = 0.0
    for it in stock:
        total += it.gross()
    print("%.2f" % total, Item.TAX, Food.TAX, Book.KIND, isinstance(stock[2], Item))
    take(stock, "tea", 1)
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(entry_point(sys.argv))

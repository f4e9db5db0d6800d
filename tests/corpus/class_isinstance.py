class Animal(object):
    def __init__(self, name):
        self.name = name


class Dog(Animal):
    def __init__(self, name, tricks):
        Animal.__init__(self, name)
        self.tricks = tricks


class Cat(Animal):
    def __init__(self, name):
        Animal.__init__(self, name)
        self.lives = 9


def info(a):
    if isinstance(a, Dog):
        return a.name + " knows " + str(a.tricks) + " tricks"
    elif isinstance(a, Cat):
        return a.name + " has " + str(a.lives) + " lives"
    return a.name + " is an animal"


def entry_point(argv):
    zoo = 0
    for i in range(6):
        if i % 3 == 0:
            a = Dog("rex" + str(i), i)
        elif i % 3 == 1:
            a = Cat("tom" + str(i))
        else:
            a = Animal("gen" + str(i))
        print(info(a))
        print(isinstance(a, Animal), isinstance(a, Dog), isinstance(a, Cat))
        if not isinstance(a, Cat):
            zoo += 1
    print(zoo)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

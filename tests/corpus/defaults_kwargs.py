def greet(name, greeting="hello", punct="!"):
    return greeting + ", " + name + punct


def area(width, height=2, scale=1):
    return width * height * scale


def describe(a, b=10, c=100):
    print("a =", a, "b =", b, "c =", c)


def entry_point(argv):
    print(greet("world"))
    print(greet("bob", "hi"))
    print(greet("eve", punct="?"))
    print(greet(greeting="hey", name="ann"))
    print(area(3), area(3, 4), area(3, scale=5), area(height=7, width=2))
    describe(1)
    describe(1, 2)
    describe(1, c=3)
    describe(c=9, b=8, a=7)
    describe(5, 6, 7)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

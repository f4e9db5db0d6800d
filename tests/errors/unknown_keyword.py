# error: 7:11: nme
def greet(name, greeting="hello"):
    return greeting + " " + name


def entry_point(argv):
    print(greet(nme="world"))
    return 0

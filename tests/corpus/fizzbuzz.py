# args: 20
def fizzbuzz(i):
    if i % 15 == 0:
        return "FizzBuzz"
    elif i % 3 == 0:
        return "Fizz"
    elif i % 5 == 0:
        return "Buzz"
    return str(i)


def entry_point(argv):
    n = int(argv[1])
    for i in range(1, n + 1):
        print(fizzbuzz(i))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

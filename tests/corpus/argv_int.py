# args: 7 35 -12 0
def entry_point(argv):
    total = 0
    product = 1
    for i in range(1, len(argv)):
        v = int(argv[i])
        total += v
        if v != 0:
            product *= v
    print("sum", total, "product", product)
    a = int(argv[1])
    b = int(argv[2])
    print(a * b, b // a, b % a, -b // a, a ** 3)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

def is_prime(n):
    if n < 2:
        return False
    for d in range(2, n):
        if d * d > n:
            break
        if n % d == 0:
            return False
    return True


def first_divisor(n):
    for d in range(2, n):
        if n % d == 0:
            print(n, "has divisor", d)
            break
    else:
        print(n, "is prime")


def entry_point(argv):
    for n in range(10, 20):
        first_divisor(n)
    i = 0
    while i < 5:
        i += 1
        if i == 2:
            continue
        print("i", i)
    else:
        print("while done, i =", i)
    j = 0
    while True:
        j += 1
        if j > 3:
            break
    else:
        print("unreachable")
    print("j", j)
    count = 0
    for k in range(50):
        if k % 3 == 0:
            continue
        if is_prime(k):
            count += 1
    print("primes not divisible by 3 below 50:", count)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

def digit_sum(n):
    if n < 0:
        n = -n
    s = 0
    while n > 0:
        s += n % 10
        n //= 10
    return s


def reverse_digits(n):
    r = 0
    while n > 0:
        r = r * 10 + n % 10
        n //= 10
    return r


def is_palindrome(n):
    return n == reverse_digits(n)


def digital_root(n):
    while n >= 10:
        n = digit_sum(n)
    return n


def entry_point(argv):
    print(digit_sum(12345), digit_sum(-9876), digit_sum(0), digit_sum(2 ** 62))
    print(reverse_digits(12345), reverse_digits(1200), reverse_digits(7))
    count = 0
    for n in range(10, 1000):
        if is_palindrome(n):
            count += 1
    print("palindromes:", count)
    print(digital_root(987654321), digital_root(2 ** 61 - 1))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

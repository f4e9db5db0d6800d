def is_even(n):
    if n == 0:
        return True
    return is_odd(n - 1)


def is_odd(n):
    if n == 0:
        return False
    return is_even(n - 1)


def hof_f(n):
    if n == 0:
        return 1
    return n - hof_m(hof_f(n - 1))


def hof_m(n):
    if n == 0:
        return 0
    return n - hof_f(hof_m(n - 1))


def entry_point(argv):
    for n in range(7):
        print(n, is_even(n), is_odd(n))
    print(is_even(300), is_odd(301))
    line = ""
    for n in range(15):
        line = line + str(hof_f(n)) + "," + str(hof_m(n)) + " "
    print(line)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

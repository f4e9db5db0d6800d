def classify(n):
    if n < 0:
        return "negative"
    elif n == 0:
        return "zero"
    elif n % 2 == 0:
        if n > 100:
            return "big even"
        return "even"
    else:
        return "odd"


def grade(score):
    if score >= 90:
        g = "A"
    elif score >= 80:
        g = "B"
    elif score >= 70:
        g = "C"
    else:
        g = "F"
    return g


def entry_point(argv):
    for n in range(-2, 5):
        print(n, classify(n))
    print(classify(1000), classify(1001))
    for s in range(55, 100, 9):
        print(s, grade(s))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

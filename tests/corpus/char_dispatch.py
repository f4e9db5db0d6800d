# Char dispatch and classification: an if/elif chain on a char, `in` a
# constant str, the str methods on a char, chr() range errors, indexing
# errors, code points above 255, chars as JIT-free loop variables.


def classify(c):
    if c == "+":
        return 1
    elif c == "-":
        return 2
    elif c == "*":
        return 3
    elif c == "/":
        return 4
    elif c in "0123456789":
        return 5
    elif c in " \t\n":
        return 6
    elif c.isalpha():
        return 7
    return 0


def evaluate(text):
    # A tiny left-to-right calculator: digits, + - * /, spaces.
    total = 0
    num = 0
    op = "+"
    for c in text + ";":
        if c == " ":
            continue
        if c.isdigit():
            num = num * 10 + (ord(c) - ord("0"))
            continue
        if op == "+":
            total += num
        elif op == "-":
            total -= num
        elif op == "*":
            total *= num
        elif op == "/":
            total //= num
        op = c
        num = 0
    return total


def caesar(s, k):
    out = []
    for c in s:
        if "a" <= c <= "z":
            out.append(chr((ord(c) - ord("a") + k) % 26 + ord("a")))
        elif c.isupper():
            out.append(chr((ord(c) - ord("A") + k) % 26 + ord("A")))
        else:
            out.append(c)
    return "".join(out)


def entry_point(argv):
    text = "a+b-3*4/ x\tZ\u00e9\u263a!"
    print([classify(c) for c in text])
    print(evaluate("12 + 30 * 2 - 4"), evaluate("100 / 7"))
    print(caesar("Hello, World! xyz", 3))
    s = "\u00e9t\u00e9 \u263a \U0001f600"
    for c in s:
        print(c, ord(c), c.isalpha(), c.isspace(), c == "\u263a", c > "z")
    print(s[0] == "\u00e9", s[-1] == "\U0001f600", s[2] in "\u00e9\u00e8", len(s[4]))
    for n in [65, 255, 256, 0x10FFFF, -1, 0x110000]:
        try:
            c = chr(n)
            print(n, ord(c), c == chr(n), len(c))
        except ValueError as e:
            print(n, "ValueError", e)
    for i in [0, 3, -4, 4, -5]:
        try:
            print(i, "abcd"[i])
        except IndexError as e:
            print(i, "IndexError", e)
    vowels = 0
    for c in "The quick brown fox jumps over the lazy dog":
        if c in "aeiouAEIOU":
            vowels += 1
        if not c:
            vowels -= 100
    print(vowels)
    digits = "0123456789abcdef"
    h = ""
    n = 48879
    while n > 0:
        h = digits[n % 16] + h
        n //= 16
    print(h, h.upper(), h[0].upper(), h[1].isdigit(), h[0].islower())
    # The predicates on every code point below 384, and a few above.
    counts = [0, 0, 0, 0, 0, 0]
    sample = ""
    for n in range(384):
        sample += chr(n)
    sample += "\u0660\u2003\u3000\u4e00"
    for c in sample:
        if c.isdigit():
            counts[0] += 1
        if c.isalpha():
            counts[1] += 1
        if c.isalnum():
            counts[2] += 1
        if c.isupper():
            counts[3] += 1
        if c.islower():
            counts[4] += 1
        if c.isspace():
            counts[5] += 1
    print(counts)
    pred = "x".isdigit
    print(pred(), "7".isdigit(), sample[65].isupper())
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

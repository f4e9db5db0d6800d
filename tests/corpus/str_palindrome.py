def clean(s):
    out = ""
    for i in range(len(s)):
        c = s[i]
        if c.isalnum():
            out += c.lower()
    return out


def is_palindrome(s):
    c = clean(s)
    return c == c[::-1]


def entry_point(argv):
    tests = "A man, a plan, a canal: Panama|race a car|No lemon, no melon|Was it a car or a cat I saw?|hello|"
    parts = tests.split("|")
    for i in range(len(parts)):
        p = parts[i]
        print(repr(p), is_palindrome(p))
    print("reversed:", "stressed"[::-1])
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

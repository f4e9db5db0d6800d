def caesar(text, shift):
    out = []
    for ch in text:
        if "a" <= ch <= "z":
            out.append(chr((ord(ch) - ord("a") + shift) % 26 + ord("a")))
        elif "A" <= ch <= "Z":
            out.append(chr((ord(ch) - ord("A") + shift) % 26 + ord("A")))
        else:
            out.append(ch)
    return "".join(out)


def vigenere(text, key, decrypt):
    out = []
    k = 0
    for ch in text:
        if ch.isalpha():
            base = ord("A") if ch.isupper() else ord("a")
            shift = ord(key[k % len(key)].lower()) - ord("a")
            if decrypt:
                shift = -shift
            out.append(chr((ord(ch) - base + shift) % 26 + base))
            k += 1
        else:
            out.append(ch)
    return "".join(out)


def frequency_crack(cipher):
    counts = [0] * 26
    for ch in cipher.lower():
        if ch.isalpha() and ord(ch) < 128:
            counts[ord(ch) - ord("a")] += 1
    best = 0
    for i in range(26):
        if counts[i] > counts[best]:
            best = i
    return (best - (ord("e") - ord("a"))) % 26


def atbash(text):
    res = ""
    for ch in text:
        if ch.islower():
            res += chr(ord("z") - (ord(ch) - ord("a")))
        elif ch.isupper():
            res += chr(ord("Z") - (ord(ch) - ord("A")))
        else:
            res += ch
    return res


def to_hex(s):
    return " ".join(["%02x" % b for b in s.encode("utf-8")])


def is_palindrome(s):
    cleaned = [c.lower() for c in s if c.isalnum()]
    return cleaned == cleaned[::-1]


def entry_point(argv):
    msg = "Meet me near the old bell tower at eleven, bring the secret letter."
    for shift in [1, 3, 13, 25, -4]:
        enc = caesar(msg, shift)
        print("%3d %s" % (shift, enc))
        assert caesar(enc, -shift) == msg
    enc = caesar(msg, 7)
    guess = frequency_crack(enc)
    print("cracked shift:", guess, caesar(enc, -guess)[:20])
    v = vigenere(msg, "Lemon", False)
    print(v)
    print(vigenere(v, "Lemon", True) == msg)
    print(atbash("Hello, World"), atbash(atbash("round trip")))
    print(to_hex("héllo €"))
    for s in ["A man, a plan, a canal: Panama", "hello", "", "No 'x' in Nixon", "ab"]:
        print(repr(s), is_palindrome(s))
    words = msg.replace(",", "").replace(".", "").split(" ")
    caps = [w.capitalize() for w in words]
    print(" ".join(caps))
    print(msg.title())
    print("|".join([w[::-1] for w in words[:5]]))
    acr = "".join([w[0].upper() for w in words if len(w) > 3])
    print(acr, len(acr), acr.lower().count("t"))
    print(msg.partition(" at "), msg.rpartition("e"))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

class Animal(object):
    def __init__(self, name):
        self.name = name

    def sound(self):
        return "..."


class Dog(Animal):
    def sound(self):
        return "woof"


class Cat(Animal):
    def sound(self):
        return "meow"


class Fish(Animal):
    pass


def classify(a):
    if isinstance(a, (Dog, Cat)):
        return "pet that says " + a.sound()
    return "quiet " + a.name


def risky(kind):
    if kind == 0:
        return [1, 2, 3][5]
    if kind == 1:
        return {"a": 1}["b"]
    if kind == 2:
        return int("12x")
    if kind == 3:
        return 10 // (kind - 3)
    if kind == 4:
        stack = [kind]
        stack.pop()
        return stack.pop()
    if kind == 5:
        return "abc".index("z")
    if kind == 6:
        return [1, 2].index(5)
    if kind == 7:
        return int(float("nan!"))
    if kind == 8:
        raise ValueError
    return kind


def entry_point(argv):
    zoo = [Dog("rex"), Cat("tom"), Fish("nemo")]
    for i, a in enumerate(zoo):
        print(i + 1, a.name, classify(a))
    for kind in range(10):
        try:
            print(kind, "ok", risky(kind))
        except (IndexError, KeyError) as e:
            print(kind, "lookup error:", e)
        except (ValueError, ZeroDivisionError) as e:
            print(kind, "bad value:", str(e))
    pairs = [(1, "one"), (2, "two"), (3, "three")]
    for i, (n, word) in enumerate(pairs):
        print(i, n, word, word * n)
    a = b = 5
    a += 1
    print(a, b)
    nums = [5, 3, 9, 1, 7]
    nums[1:3] = [30, 90, 900]
    print(nums, nums[::-1], nums[::2], nums[1::3])
    del nums[0]
    del nums[1:3]
    print(nums, min(nums), max(nums), sum(nums), nums.count(7), nums.index(7))
    print("hello"[::-1], "hello"[::2], "hello"[-3:], "hello"[10:], "hello"[:-10])
    print(list(reversed(range(5))), list(range(10, 0, -3)), [x * x for x in range(-3, 4) if x % 2])
    for x, y, z in zip([1, 2, 3], "abc", [True, False, True]):
        print(x, y, z, end="; ")
    print()
    print(3 in (1, 2, 3), "b" in "abc", "ab" not in "abc", 4 not in [1, 2])
    print(int("ff", 16), int("-101", 2), int("  42  "))
    print("b" < "ab", "abc" < "abd", [1, 2] < [1, 3], (1, "a") < (1, "b"))
    fs = [1.5, 2.25, -0.75]
    print(sum(fs), max(fs), min(fs), abs(-2.5), abs(-7))
    total = 0
    for i in range(100):
        if i % 7 == 0:
            continue
        if i > 50:
            break
        total += i
    else:
        total = -1
    print(total)
    for w in ["x", "y"]:
        if w == "z":
            break
    else:
        print("no z found")
    s = "a,b,,c,"
    print(s.split(","), s.split(",", 2), s.rstrip(","), s.count(","), s.rindex("b"))
    print(chr(65) + chr(0x263A), ord("A"), ord("\u263a"), str(True), str(None), bool(""), bool("x"))
    print(any([x > 8 for x in nums]), all([x > 0 for x in nums]), any([]), all([]))
    print(sorted([3, 1, 2]), sorted(["b", "a", "C"]), sorted([2.5, -1.0]))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

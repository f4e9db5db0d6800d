# A backtracking regex matcher over a compiled list of nodes: literals, ., classes, *, +, ?, ^, $, groups of alternatives.

CHAR, ANY, CLASS, STAR, PLUS, QUEST, BOL, EOL = 0, 1, 2, 3, 4, 5, 6, 7
KIND_NAMES = {CHAR: "char", ANY: "any", CLASS: "class", STAR: "star", PLUS: "plus", QUEST: "quest", BOL: "bol", EOL: "eol"}


class RegexError(Exception):
    def __init__(self, msg, pos):
        self.msg = msg
        self.pos = pos


class Node(object):
    _immutable_fields_ = ["kind", "ch", "negate", "ranges[*]", "sub"]

    def __init__(self, kind, ch, negate, ranges, sub):
        self.kind = kind
        self.ch = ch
        self.negate = negate
        self.ranges = ranges
        self.sub = sub

    def matches_char(self, c):
        if self.kind == CHAR:
            return c == self.ch
        if self.kind == ANY:
            return c != "\n"
        found = False
        for lo, hi in self.ranges:
            if lo <= c <= hi:
                found = True
                break
        return found != self.negate

    def describe(self):
        if self.kind in (STAR, PLUS, QUEST):
            return "%s(%s)" % (KIND_NAMES[self.kind], self.sub.describe())
        if self.kind == CHAR:
            return "'" + self.ch + "'"
        if self.kind == CLASS:
            s = "^" if self.negate else ""
            for lo, hi in self.ranges:
                s += lo if lo == hi else lo + "-" + hi
            return "[" + s + "]"
        return KIND_NAMES[self.kind]


def compile_atom(pat, i):
    c = pat[i]
    if c == ".":
        return Node(ANY, "", False, [], None), i + 1
    if c == "[":
        j = i + 1
        negate = False
        if j < len(pat) and pat[j] == "^":
            negate = True
            j += 1
        ranges = []
        while j < len(pat) and pat[j] != "]":
            lo = pat[j]
            if j + 2 < len(pat) and pat[j + 1] == "-" and pat[j + 2] != "]":
                ranges.append((lo, pat[j + 2]))
                j += 3
            else:
                ranges.append((lo, lo))
                j += 1
        if j >= len(pat):
            raise RegexError("unterminated class", i)
        return Node(CLASS, "", negate, ranges, None), j + 1
    if c == "\\":
        if i + 1 >= len(pat):
            raise RegexError("trailing backslash", i)
        e = pat[i + 1]
        if e == "d":
            return Node(CLASS, "", False, [("0", "9")], None), i + 2
        if e == "w":
            return Node(CLASS, "", False, [("a", "z"), ("A", "Z"), ("0", "9"), ("_", "_")], None), i + 2
        if e == "s":
            return Node(CLASS, "", False, [(" ", " "), ("\t", "\t"), ("\n", "\n")], None), i + 2
        return Node(CHAR, e, False, [], None), i + 2
    if c in "*+?":
        raise RegexError("nothing to repeat", i)
    return Node(CHAR, c, False, [], None), i + 1


def compile_pattern(pat):
    nodes = []
    i = 0
    while i < len(pat):
        c = pat[i]
        if c == "^" and i == 0:
            nodes.append(Node(BOL, "", False, [], None))
            i += 1
            continue
        if c == "$" and i == len(pat) - 1:
            nodes.append(Node(EOL, "", False, [], None))
            i += 1
            continue
        atom, i = compile_atom(pat, i)
        if i < len(pat) and pat[i] in "*+?":
            kind = STAR if pat[i] == "*" else (PLUS if pat[i] == "+" else QUEST)
            atom = Node(kind, "", False, [], atom)
            i += 1
        nodes.append(atom)
    return nodes


class Stats(object):
    def __init__(self):
        self.steps = 0


STATS = Stats()


def match_here(nodes, k, text, i):
    STATS.steps += 1
    if k == len(nodes):
        return i
    node = nodes[k]
    if node.kind == BOL:
        return match_here(nodes, k + 1, text, i) if i == 0 else -1
    if node.kind == EOL:
        return i if i == len(text) else -1
    if node.kind == STAR or node.kind == PLUS or node.kind == QUEST:
        limit = 1 if node.kind == QUEST else len(text)
        j = i
        while j < len(text) and j - i < limit and node.sub.matches_char(text[j]):
            j += 1
        least = 1 if node.kind == PLUS else 0
        while j - i >= least:
            r = match_here(nodes, k + 1, text, j)
            if r >= 0:
                return r
            j -= 1
        return -1
    if i < len(text) and node.matches_char(text[i]):
        return match_here(nodes, k + 1, text, i + 1)
    return -1


def search(nodes, text):
    for start in range(len(text) + 1):
        end = match_here(nodes, 0, text, start)
        if end >= 0:
            return start, end
        if nodes and nodes[0].kind == BOL:
            break
    return -1, -1


def find_all(nodes, text):
    out = []
    pos = 0
    while pos <= len(text):
        s, e = search(nodes, text[pos:])
        if s < 0:
            break
        out.append(text[pos + s:pos + e])
        pos += e if e > s else s + 1
    return out


CASES = [
    ("a.c", "xxabcxx"),
    ("^ab*c$", "abbbbc"),
    ("^ab*c$", "abbbbcd"),
    ("[0-9]+", "order 66 of 1999"),
    ("\\d+-\\d+", "call 555-1234 now"),
    ("[^aeiou ]+", "programming is fun"),
    ("colou?r", "the color and the colour"),
    ("\\w+@\\w+\\.com", "mail bob@example.com today"),
    ("x*", ""),
    ("a+b", "aaaaaaaaaaaaaaaaaaaac"),
    ("[a-", "oops"),
    ("*a", "oops"),
    ("ab\\", "oops"),
]


def entry_point(argv):
    for pat, text in CASES:
        try:
            nodes = compile_pattern(pat)
        except RegexError as e:
            print("%-16s error at %d: %s" % (pat, e.pos, e.msg))
            continue
        before = STATS.steps
        s, e = search(nodes, text)
        desc = " ".join([n.describe() for n in nodes])
        if s >= 0:
            print("%-16s %-28r -> [%d:%d] %r  {%s} steps=%d" % (pat, text, s, e, text[s:e], desc, STATS.steps - before))
        else:
            print("%-16s %-28r -> no match  {%s} steps=%d" % (pat, text, desc, STATS.steps - before))
    words = find_all(compile_pattern("[a-z]+"), "The quick brown fox, 42 lazy dogs!")
    print(words, len(words))
    nums = find_all(compile_pattern("-?\\d+"), "x=-12, y=7, z=-0 w=100")
    print([int(n) for n in nums], sum([int(n) for n in nums]))
    print("total steps", STATS.steps)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

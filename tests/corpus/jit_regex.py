# A regular-expression VM: a recursive-descent compiler turns a pattern
# (literals, ., [a-z] classes, * + ?, |, groups, ^ $) into instructions
# (CHAR, ANY, CLASS, SPLIT, JMP, BOL, EOL, MATCH); a backtracking matcher
# with an explicit stack of (pc, position) runs them. Greens: pc and the
# compiled program; a backward JMP (the loop of a star) is can_enter_jit.
from rpython.rlib.jit import JitDriver, elidable, promote

CHAR = 0
ANY = 1
CLASS = 2
SPLIT = 3
JMP = 4
BOL = 5
EOL = 6
MATCH = 7

NAMES = ["CHAR", "ANY", "CLASS", "SPLIT", "JMP", "BOL", "EOL", "MATCH"]


class RegexError(Exception):
    def __init__(self, msg):
        self.msg = msg


class CharClass(object):
    _immutable_fields_ = ["lows[*]", "highs[*]", "negated"]

    def __init__(self, lows, highs, negated):
        self.lows = lows
        self.highs = highs
        self.negated = negated

    @elidable
    def contains(self, c):
        code = ord(c)
        i = 0
        while i < len(self.lows):
            if self.lows[i] <= code <= self.highs[i]:
                return not self.negated
            i += 1
        return self.negated


class Regex(object):
    _immutable_fields_ = ["pattern", "ops[*]", "args[*]", "args2[*]", "chars[*]", "classes[*]"]

    def __init__(self, pattern, ops, args, args2, chars, classes):
        self.pattern = pattern
        self.ops = ops
        self.args = args
        self.args2 = args2
        self.chars = chars
        self.classes = classes


def get_location(pc, regex):
    return "/%s/ %d %s" % (regex.pattern, pc, NAMES[regex.ops[pc]])


driver = JitDriver(greens=["pc", "regex"], reds=["sp", "text", "stack"],
                   get_printable_location=get_location)


class Compiler(object):
    def __init__(self, pattern):
        self.pattern = pattern
        self.pos = 0
        self.ops = []
        self.args = []
        self.args2 = []
        self.chars = []
        self.classes = []

    def emit(self, op, a, b, c):
        self.ops.append(op)
        self.args.append(a)
        self.args2.append(b)
        self.chars.append(c)
        return len(self.ops) - 1

    def peek(self):
        if self.pos < len(self.pattern):
            return self.pattern[self.pos]
        return ""

    def compile(self):
        self.alternation()
        if self.pos < len(self.pattern):
            raise RegexError("unexpected ) at %d" % self.pos)
        self.emit(MATCH, 0, 0, "")
        return Regex(self.pattern, self.ops[:], self.args[:], self.args2[:], self.chars[:],
                     self.classes[:])

    def alternation(self):
        start = len(self.ops)
        self.sequence()
        if self.peek() == "|":
            self.pos += 1
            # Insert a SPLIT before the first branch: rebuild by moving.
            first_ops = self.ops[start:]
            first_args = self.args[start:]
            first_args2 = self.args2[start:]
            first_chars = self.chars[start:]
            del self.ops[start:]
            del self.args[start:]
            del self.args2[start:]
            del self.chars[start:]
            split = self.emit(SPLIT, 0, 0, "")
            shift = len(self.ops) - start
            for i in range(len(first_ops)):
                op = first_ops[i]
                a = first_args[i]
                b = first_args2[i]
                if op == JMP or op == SPLIT:
                    a += shift
                    if op == SPLIT:
                        b += shift
                self.emit(op, a, b, first_chars[i])
            jump = self.emit(JMP, 0, 0, "")
            self.args[split] = split + 1
            self.args2[split] = len(self.ops)
            self.alternation()
            self.args[jump] = len(self.ops)

    def sequence(self):
        while self.pos < len(self.pattern):
            c = self.peek()
            if c == "|" or c == ")":
                return
            self.repeat()

    def repeat(self):
        start = len(self.ops)
        self.atom()
        c = self.peek()
        if c == "*" or c == "+" or c == "?":
            self.pos += 1
            if c == "+":
                # x+ : x, then SPLIT back to x or on
                self.emit(SPLIT, start, len(self.ops) + 1, "")
                return
            body_ops = self.ops[start:]
            body_args = self.args[start:]
            body_args2 = self.args2[start:]
            body_chars = self.chars[start:]
            del self.ops[start:]
            del self.args[start:]
            del self.args2[start:]
            del self.chars[start:]
            split = self.emit(SPLIT, 0, 0, "")
            for i in range(len(body_ops)):
                op = body_ops[i]
                a = body_args[i]
                b = body_args2[i]
                if op == JMP or op == SPLIT:
                    a += 1
                    if op == SPLIT:
                        b += 1
                self.emit(op, a, b, body_chars[i])
            if c == "*":
                self.emit(JMP, split, 0, "")
            self.args[split] = split + 1
            self.args2[split] = len(self.ops)

    def atom(self):
        c = self.peek()
        self.pos += 1
        if c == "(":
            self.alternation()
            if self.peek() != ")":
                raise RegexError("missing )")
            self.pos += 1
        elif c == ".":
            self.emit(ANY, 0, 0, "")
        elif c == "^":
            self.emit(BOL, 0, 0, "")
        elif c == "$":
            self.emit(EOL, 0, 0, "")
        elif c == "[":
            self.char_class()
        elif c == "*" or c == "+" or c == "?":
            raise RegexError("nothing to repeat at %d" % (self.pos - 1))
        else:
            if c == "\\":
                c = self.peek()
                self.pos += 1
            self.emit(CHAR, 0, 0, c)

    def char_class(self):
        negated = False
        if self.peek() == "^":
            negated = True
            self.pos += 1
        lows = []
        highs = []
        while True:
            if self.pos >= len(self.pattern):
                raise RegexError("missing ]")
            c = self.pattern[self.pos]
            self.pos += 1
            if c == "]":
                break
            low = ord(c)
            high = low
            if self.peek() == "-" and self.pos + 1 < len(self.pattern) \
                    and self.pattern[self.pos + 1] != "]":
                high = ord(self.pattern[self.pos + 1])
                self.pos += 2
            lows.append(low)
            highs.append(high)
        self.classes.append(CharClass(lows, highs, negated))
        self.emit(CLASS, len(self.classes) - 1, 0, "")


def match_at(regex, text, start):
    """The end of the leftmost-first match starting at `start`, or -1."""
    stack = []
    pc = 0
    sp = start
    while True:
        driver.jit_merge_point(pc=pc, regex=regex, sp=sp, text=text, stack=stack)
        op = regex.ops[pc]
        failed = False
        if op == CHAR:
            if sp < len(text) and text[sp] == regex.chars[pc]:
                pc += 1
                sp += 1
            else:
                failed = True
        elif op == ANY:
            if sp < len(text) and text[sp] != "\n":
                pc += 1
                sp += 1
            else:
                failed = True
        elif op == CLASS:
            cls = promote(regex.classes[regex.args[pc]])
            if sp < len(text) and cls.contains(text[sp]):
                pc += 1
                sp += 1
            else:
                failed = True
        elif op == SPLIT:
            stack.append(regex.args2[pc])
            stack.append(sp)
            target = regex.args[pc]
            backward = target <= pc
            pc = target
            if backward:
                driver.can_enter_jit(pc=pc, regex=regex, sp=sp, text=text, stack=stack)
            continue
        elif op == JMP:
            target = regex.args[pc]
            backward = target <= pc
            pc = target
            if backward:
                driver.can_enter_jit(pc=pc, regex=regex, sp=sp, text=text, stack=stack)
            continue
        elif op == BOL:
            if sp == 0 or text[sp - 1] == "\n":
                pc += 1
            else:
                failed = True
        elif op == EOL:
            if sp == len(text) or text[sp] == "\n":
                pc += 1
            else:
                failed = True
        elif op == MATCH:
            return sp
        if failed:
            if len(stack) == 0:
                return -1
            sp = stack.pop()
            pc = stack.pop()


def find_all(regex, text):
    found = []
    start = 0
    while start <= len(text):
        end = match_at(regex, text, start)
        if end < 0:
            start += 1
        else:
            found.append(text[start:end])
            start = end if end > start else start + 1
    return found


TEXT = """The quick brown fox jumps over the lazy dog.
Pack my box with five dozen liquor jugs: 12 boxes, 345 jugs, 6789 dogs.
mailto:alice@example.com bob@test.org not-an-address@ @nobody
aaa aaaa ab abab ababab abba baab
"""

PATTERNS = [
    "[0-9]+",
    "[A-Z][a-z]*",
    "[a-z]+@[a-z]+\\.(com|org)",
    "(ab)+",
    "a*b",
    "^[a-z]+",
    "[a-z]+\\.$",
    "o.",
    "j[^ ]*s",
    "(fox|dog|box)e?s?",
    "x?y?z",
    "(a|b)*abb",
    "[a-z",
    "a(b",
    "*a",
]


def entry_point(argv):
    for pattern in PATTERNS:
        try:
            regex = Compiler(pattern).compile()
        except RegexError as e:
            print("/%s/: error: %s" % (pattern, e.msg))
            continue
        found = find_all(regex, TEXT)
        print("/%s/ %d: %s" % (pattern, len(found), "|".join(found)))
    big = "ab" * 2000 + "abb"
    regex = Compiler("(a|b)*abb").compile()
    print(match_at(regex, big, 0), len(big))
    regex = Compiler("(x+x+)+y").compile()
    print(match_at(regex, "x" * 14 + "y", 0), match_at(regex, "x" * 12, 0))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

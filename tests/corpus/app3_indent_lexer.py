# An indentation-aware tokenizer (INDENT/DEDENT stack, as Python's) feeding a tiny statement counter; ends with an uncaught exception.


class LexError(Exception):
    def __init__(self, line, msg):
        self.line = line
        self.msg = msg

    def __str__(self):
        return "line %d: %s" % (self.line, self.msg)


KEYWORDS = {}
for _k in ["def", "if", "else", "while", "return", "pass"]:
    KEYWORDS[_k] = _k.upper()


class Tok(object):
    def __init__(self, kind, text, line):
        self.kind = kind
        self.text = text
        self.line = line


def lex(src):
    toks = []
    stack = [0]
    lineno = 0
    for raw in src.split("\n"):
        lineno += 1
        stripped = raw.lstrip(" ")
        if not stripped or stripped.startswith("#"):
            continue
        if "\t" in raw[:len(raw) - len(stripped)]:
            raise LexError(lineno, "tab in indentation")
        indent = len(raw) - len(stripped)
        if indent > stack[-1]:
            stack.append(indent)
            toks.append(Tok("INDENT", "", lineno))
        while indent < stack[-1]:
            stack.pop()
            toks.append(Tok("DEDENT", "", lineno))
        if indent != stack[-1]:
            raise LexError(lineno, "unindent does not match any outer indentation level")
        i = 0
        s = stripped
        while i < len(s):
            c = s[i]
            if c == " ":
                i += 1
            elif c.isalpha() or c == "_":
                j = i
                while j < len(s) and (s[j].isalnum() or s[j] == "_"):
                    j += 1
                word = s[i:j]
                toks.append(Tok(KEYWORDS.get(word, "NAME"), word, lineno))
                i = j
            elif c.isdigit():
                j = i
                while j < len(s) and s[j].isdigit():
                    j += 1
                toks.append(Tok("NUMBER", s[i:j], lineno))
                i = j
            elif c == "#":
                break
            elif c in "():=+-*<>,":
                toks.append(Tok("OP", c, lineno))
                i += 1
            else:
                raise LexError(lineno, "unexpected character %r" % c)
        toks.append(Tok("NEWLINE", "", lineno))
    while len(stack) > 1:
        stack.pop()
        toks.append(Tok("DEDENT", "", lineno))
    return toks


def summarize(toks):
    depth = 0
    max_depth = 0
    kinds = {}
    for t in toks:
        kinds[t.kind] = kinds.get(t.kind, 0) + 1
        if t.kind == "INDENT":
            depth += 1
            max_depth = max(max_depth, depth)
        elif t.kind == "DEDENT":
            depth -= 1
    return max_depth, kinds


GOOD = """
def fact(n):
    if n < 2:
        return 1
    else:
        # recursive case
        return n * fact(n - 1)

def loop(k):
    while k:
        k = k - 1
    pass
"""

BAD = ["def f():\n    x = 1\n  y = 2\n", "def g():\n\tpass\n", "x = 1 $ 2\n"]


def entry_point(argv):
    toks = lex(GOOD)
    line = []
    cur = -1
    for t in toks:
        if t.line != cur and line:
            print("%2d: %s" % (cur, " ".join(line)))
            line = []
        cur = t.line
        line.append(t.kind if not t.text else t.kind + ":" + t.text)
    print("%2d: %s" % (cur, " ".join(line)))
    depth, kinds = summarize(toks)
    print("max depth", depth, sorted(kinds.items()))
    for src in BAD:
        try:
            lex(src)
        except LexError as e:
            print("LexError at line %d: %s" % (e.line, e.msg))
    lex("if x:\n        y\n    z\n")
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

# A Turing machine simulator: transitions in a dict keyed by (state, symbol) tuples, a growable tape, several machines; exits non-zero.


class Machine(object):
    def __init__(self, name, rules, start, accept, blank):
        self.name = name
        self.rules = {}
        for line in rules:
            parts = line.split()
            self.rules[(parts[0], parts[1])] = (parts[2], parts[3], parts[4])
        self.start = start
        self.accept = accept
        self.blank = blank


class Halted(Exception):
    def __init__(self, state, steps):
        self.state = state
        self.steps = steps


class Tape(object):
    def __init__(self, text, blank):
        self.cells = [c for c in text] if text else [blank]
        self.blank = blank
        self.offset = 0

    def read(self, pos):
        i = pos + self.offset
        if i < 0 or i >= len(self.cells):
            return self.blank
        return self.cells[i]

    def write(self, pos, sym):
        i = pos + self.offset
        while i < 0:
            self.cells.insert(0, self.blank)
            self.offset += 1
            i += 1
        while i >= len(self.cells):
            self.cells.append(self.blank)
        self.cells[i] = sym

    def show(self):
        return "".join(self.cells).strip(self.blank)


def run(m, text, limit):
    tape = Tape(text, m.blank)
    state = m.start
    pos = 0
    steps = 0
    visited = {}
    while state != m.accept:
        if steps >= limit:
            raise Halted("limit", steps)
        sym = tape.read(pos)
        key = (state, sym)
        if key not in m.rules:
            raise Halted(state, steps)
        new_state, write, move = m.rules[key]
        tape.write(pos, write)
        visited[key] = visited.get(key, 0) + 1
        pos += 1 if move == "R" else (-1 if move == "L" else 0)
        state = new_state
        steps += 1
    most = ""
    best = -1
    for k in visited:
        if visited[k] > best:
            best = visited[k]
            most = k[0] + "/" + k[1]
    return tape.show(), steps, most, best


INCREMENT = ["s 0 s 0 R", "s 1 s 1 R", "s _ c _ L", "c 1 c 0 L", "c 0 d 1 L", "c _ d 1 L",
             "d 0 d 0 L", "d 1 d 1 L", "d _ h _ R"]
BUSY_BEAVER = ["a _ b 1 R", "a 1 c 1 L", "b _ a 1 L", "b 1 b 1 R", "c _ b 1 L", "c 1 h 1 N"]
PALINDROME = ["s a ra _ R", "s b rb _ R", "s _ h _ N",
              "ra a ra a R", "ra b ra b R", "ra _ ca _ L",
              "rb a rb a R", "rb b rb b R", "rb _ cb _ L",
              "ca a back _ L", "ca _ h _ N", "cb b back _ L", "cb _ h _ N",
              "back a back a L", "back b back b L", "back _ s _ R"]


def entry_point(argv):
    machines = [Machine("increment", INCREMENT, "s", "h", "_"),
                Machine("beaver", BUSY_BEAVER, "a", "h", "_"),
                Machine("palindrome", PALINDROME, "s", "h", "_")]
    inputs = {"increment": ["1011", "111", "0", ""], "beaver": [""], "palindrome": ["abba", "aba", "ab", "abab", ""]}
    failures = 0
    for m in machines:
        for text in inputs[m.name]:
            try:
                out, steps, most, count = run(m, text, 500)
                print("%-10s %-6r -> %-8r steps=%-4d hottest=%s x%d" % (m.name, text, out, steps, most, count))
            except Halted as e:
                failures += 1
                print("%-10s %-6r stuck in state %r after %d steps" % (m.name, text, e.state, e.steps))
    loop = Machine("loop", ["s _ s _ R"], "s", "h", "_")
    try:
        run(loop, "", 50)
    except Halted as e:
        print("loop:", e.state, e.steps)
        failures += 1
    print("failures", failures)
    return failures


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

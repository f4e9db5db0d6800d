# A Befunge-93 interpreter: the 2-D program counter (x, y), its direction
# (dx, dy) and string mode are the JitDriver's greens; the 80x25 grid is a
# red because `p` rewrites it. can_enter_jit where the direction changes
# (every loop in Befunge turns somewhere). Input comes from a fixed string,
# `?` from a deterministic generator, and a step limit ends runaway programs.
from rpython.rlib.jit import JitDriver, dont_look_inside

WIDTH = 80
HEIGHT = 25


class BefungeError(Exception):
    def __init__(self, msg):
        self.msg = msg


class State(object):
    def __init__(self, input_text, limit):
        self.stack = []
        self.out = []
        self.input_text = input_text
        self.input_pos = 0
        self.seed = 12345
        self.steps = 0
        self.limit = limit

    def push(self, v):
        self.stack.append(v)

    def pop(self):
        if len(self.stack) == 0:
            return 0
        return self.stack.pop()

    def random_dir(self):
        self.seed = (self.seed * 1103515245 + 12345) % 2147483648
        return (self.seed >> 16) % 4

    def read_char(self):
        if self.input_pos >= len(self.input_text):
            return -1
        c = ord(self.input_text[self.input_pos])
        self.input_pos += 1
        return c

    def read_int(self):
        text = self.input_text
        while self.input_pos < len(text) and not text[self.input_pos].isdigit():
            self.input_pos += 1
        value = 0
        seen = False
        while self.input_pos < len(text) and text[self.input_pos].isdigit():
            value = value * 10 + ord(text[self.input_pos]) - 48
            self.input_pos += 1
            seen = True
        if not seen:
            return -1
        return value


@dont_look_inside
def write(state, s):
    state.out.append(s)


def get_location(x, y, dx, dy, stringmode):
    return "(%d,%d) dir (%d,%d)%s" % (x, y, dx, dy, " string" if stringmode else "")


driver = JitDriver(greens=["x", "y", "dx", "dy", "stringmode"], reds=["grid", "state"],
                   get_printable_location=get_location)


def load(source):
    grid = []
    for y in range(HEIGHT):
        grid.append([32] * WIDTH)
    y = 0
    for line in source.split("\n"):
        if y >= HEIGHT:
            break
        x = 0
        for c in line:
            if x < WIDTH:
                grid[y][x] = ord(c)
            x += 1
        y += 1
    return grid


def run(grid, state):
    x = 0
    y = 0
    dx = 1
    dy = 0
    stringmode = False
    while True:
        driver.jit_merge_point(x=x, y=y, dx=dx, dy=dy, stringmode=stringmode,
                               grid=grid, state=state)
        state.steps += 1
        if state.steps > state.limit:
            raise BefungeError("step limit reached")
        c = grid[y][x]
        turned = False
        if stringmode:
            if c == 34:
                stringmode = False
            else:
                state.push(c)
        elif c >= 48 and c <= 57:
            state.push(c - 48)
        elif c == 34:       # "
            stringmode = True
        elif c == 43:       # +
            b = state.pop()
            state.push(state.pop() + b)
        elif c == 45:       # -
            b = state.pop()
            state.push(state.pop() - b)
        elif c == 42:       # *
            b = state.pop()
            state.push(state.pop() * b)
        elif c == 47 or c == 37:    # / %
            b = state.pop()
            a = state.pop()
            if b == 0:
                state.push(0)
            else:
                # Befunge-93 reference implementations use C's truncation.
                q = abs(a) // abs(b)
                if (a < 0) != (b < 0):
                    q = -q
                state.push(q if c == 47 else a - q * b)
        elif c == 33:       # !
            state.push(1 if state.pop() == 0 else 0)
        elif c == 96:       # `
            b = state.pop()
            state.push(1 if state.pop() > b else 0)
        elif c == 62:       # >
            dx = 1
            dy = 0
            turned = True
        elif c == 60:       # <
            dx = -1
            dy = 0
            turned = True
        elif c == 94:       # ^
            dx = 0
            dy = -1
            turned = True
        elif c == 118:      # v
            dx = 0
            dy = 1
            turned = True
        elif c == 63:       # ?
            r = state.random_dir()
            dx = 0
            dy = 0
            if r == 0:
                dx = 1
            elif r == 1:
                dx = -1
            elif r == 2:
                dy = 1
            else:
                dy = -1
            turned = True
        elif c == 95:       # _
            dy = 0
            dx = 1 if state.pop() == 0 else -1
            turned = True
        elif c == 124:      # |
            dx = 0
            dy = 1 if state.pop() == 0 else -1
            turned = True
        elif c == 58:       # :
            v = state.pop()
            state.push(v)
            state.push(v)
        elif c == 92:       # backslash
            b = state.pop()
            a = state.pop()
            state.push(b)
            state.push(a)
        elif c == 36:       # $
            state.pop()
        elif c == 46:       # .
            write(state, str(state.pop()) + " ")
        elif c == 44:       # ,
            write(state, chr(state.pop() & 255))
        elif c == 35:       # #
            x = (x + dx) % WIDTH
            y = (y + dy) % HEIGHT
        elif c == 103:      # g
            gy = state.pop()
            gx = state.pop()
            if 0 <= gx < WIDTH and 0 <= gy < HEIGHT:
                state.push(grid[gy][gx])
            else:
                state.push(0)
        elif c == 112:      # p
            py = state.pop()
            px = state.pop()
            v = state.pop()
            if 0 <= px < WIDTH and 0 <= py < HEIGHT:
                grid[py][px] = v
        elif c == 38:       # &
            state.push(state.read_int())
        elif c == 126:      # ~
            state.push(state.read_char())
        elif c == 64:       # @
            return
        elif c == 32:
            pass
        else:
            raise BefungeError("unknown instruction %s at (%d,%d)" % (chr(c), x, y))
        x = (x + dx) % WIDTH
        y = (y + dy) % HEIGHT
        if turned:
            driver.can_enter_jit(x=x, y=y, dx=dx, dy=dy, stringmode=stringmode,
                                 grid=grid, state=state)


PROGRAMS = [
    ("hello", '"!dlroW ,olleH">:#,_@', ""),
    ("countdown", "91+:*>:.1-:#v_@\n     ^      <", ""),
    ("factorial", "&>:1-:v v *_$.@\n ^    _$>\\:^", "10"),
    ("factorial 20", "&>:1-:v v *_$.@\n ^    _$>\\:^", "20"),
    ("sieve",
     '2>:3g" "-!v\\  g30          <\n'
     ' |!`"&":+1_:.:03p>03g+:"&"`|\n'
     ' @               ^  p3\\" ":<\n'
     '2 2345678901234567890123456789012345678', ""),
    ("echo", "~:1+!#@_,", "Befunge!"),
    ("sum inputs", "&&&&&++++.@", "1 2 3 40 500"),
    ("random", "v\n>?5.@\n 3\n .\n @", ""),
    ("self-modifying", '"@"62p1.2.3.v\n      v     <', ""),
    ("put and get", '"A"00p00g.12g.@', ""),
    ("division", "07-2/.07-2%.702-/.73%.@", ""),
    ("runaway", ">1+v\n^  <", ""),
    ("bad", "1 2 Z", ""),
]


def entry_point(argv):
    for name, source, input_text in PROGRAMS:
        state = State(input_text, 100000)
        grid = load(source)
        try:
            run(grid, state)
            print(name + ": " + "".join(state.out))
        except BefungeError as e:
            print(name + ": " + "".join(state.out) + " [" + e.msg + "]")
        print("  steps %d, stack %s" % (state.steps, " ".join([str(v) for v in state.stack])))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

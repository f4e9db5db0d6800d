class Room(object):
    def __init__(self, name, desc):
        self.name = name
        self.desc = desc
        self.exits = {}
        self.items = []
        self.locked = {}


class GameOver(Exception):
    def __init__(self, won, reason):
        Exception.__init__(self, reason)
        self.won = won
        self.reason = reason


class Game(object):
    def __init__(self):
        self.rooms = {}
        self.inventory = []
        self.moves = 0
        self.score = 0
        hall = self.add("hall", "A dusty hall.")
        lib = self.add("library", "Shelves of old books.")
        vault = self.add("vault", "A cold, dark vault.")
        garden = self.add("garden", "Overgrown roses.")
        self.link(hall, "north", lib, "south")
        self.link(hall, "east", garden, "west")
        self.link(lib, "down", vault, "up")
        lib.locked["down"] = "key"
        garden.items.append("key")
        lib.items.append("book")
        vault.items.append("gold")
        self.here = hall

    def add(self, name, desc):
        r = Room(name, desc)
        self.rooms[name] = r
        return r

    def link(self, a, d1, b, d2):
        a.exits[d1] = b.name
        b.exits[d2] = a.name

    def look(self):
        r = self.here
        dirs = []
        for d in r.exits:
            dirs.append(d)
        dirs.sort()
        s = "[%s] %s Exits: %s." % (r.name, r.desc, ", ".join(dirs))
        if r.items:
            s += " You see: " + ", ".join(r.items) + "."
        return s

    def command(self, line):
        words = line.strip().lower().split()
        if not words:
            return "Say something."
        self.moves += 1
        verb = words[0]
        arg = ""
        if len(words) > 1:
            arg = words[1]
        if verb == "go":
            if arg not in self.here.exits:
                return "You can't go %s." % arg
            if arg in self.here.locked:
                need = self.here.locked[arg]
                if need not in self.inventory:
                    return "The way %s is locked." % arg
                del self.here.locked[arg]
                self.score += 10
            self.here = self.rooms[self.here.exits[arg]]
            return self.look()
        elif verb == "take":
            if arg in self.here.items:
                self.here.items.remove(arg)
                self.inventory.append(arg)
                self.score += 5
                if arg == "gold":
                    raise GameOver(True, "You found the gold!")
                return "Taken: " + arg
            return "No %s here." % arg
        elif verb == "drop":
            if arg not in self.inventory:
                return "You don't have that."
            self.inventory.remove(arg)
            self.here.items.append(arg)
            return "Dropped."
        elif verb == "inv":
            if not self.inventory:
                return "You carry nothing."
            return "You carry: " + ", ".join(self.inventory)
        elif verb == "look":
            return self.look()
        elif verb == "quit":
            raise GameOver(False, "You gave up.")
        self.moves -= 1
        return "I don't know how to '%s'." % verb


def play(script):
    g = Game()
    print(g.look())
    try:
        for line in script:
            print("> " + line)
            print(g.command(line))
        print("(script ended)")
    except GameOver as e:
        if e.won:
            print("*** " + e.reason + " ***")
        else:
            print("--- " + str(e) + " ---")
    finally:
        print("moves=%d score=%d inventory=%s" % (g.moves, g.score, g.inventory))
    return g.score


def entry_point(argv):
    s1 = ["look", "go north", "go down", "take book", "go south", "go east",
          "take key", "take key", "inv", "go west", "go north", "dance",
          "go down", "drop book", "look", "take gold", "go up"]
    s2 = ["  GO   East ", "", "take roses", "go nowhere", "quit", "look"]
    s3 = ["inv", "drop key"]
    total = 0
    for script in [s1, s2, s3]:
        total += play(script)
        print("=" * 20)
    print("total score", total)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

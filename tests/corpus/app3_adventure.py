# A text-adventure state machine: rooms as prebuilt instances mutated at run time, an inventory, scripted commands.


class GameOver(Exception):
    def __init__(self, reason, score):
        self.reason = reason
        self.score = score


class Room(object):
    def __init__(self, name, desc):
        self.name = name
        self.desc = desc
        self.exits = {}
        self.items = []
        self.locked = {}
        self.visits = 0


def link(a, direction, b, back):
    a.exits[direction] = b
    b.exits[back] = a


HALL = Room("hall", "a dusty hall")
KITCHEN = Room("kitchen", "a cold kitchen")
CELLAR = Room("cellar", "a dark cellar")
GARDEN = Room("garden", "an overgrown garden")
VAULT = Room("vault", "a glittering vault")
link(HALL, "north", KITCHEN, "south")
link(KITCHEN, "down", CELLAR, "up")
link(HALL, "west", GARDEN, "east")
link(CELLAR, "east", VAULT, "west")
CELLAR.locked["east"] = "key"
KITCHEN.items.append("lamp")
GARDEN.items.append("key")
GARDEN.items.append("rose")
VAULT.items.append("gold")
ROOMS = [HALL, KITCHEN, CELLAR, GARDEN, VAULT]
SCORES = {"gold": 50, "rose": 5, "key": 1, "lamp": 2}


class Player(object):
    def __init__(self, start):
        self.room = start
        self.inventory = []
        self.moves = 0
        self.score = 0

    def look(self):
        r = self.room
        r.visits += 1
        items = ", ".join(r.items) if r.items else "nothing"
        exits = " ".join(sorted(r.exits.keys()))
        return "%s: %s. You see %s. Exits: %s" % (r.name, r.desc, items, exits)

    def go(self, direction):
        if direction not in self.room.exits:
            return "You can't go " + direction + "."
        need = self.room.locked.get(direction, "")
        if need and need not in self.inventory:
            return "The way " + direction + " is locked."
        target = self.room.exits[direction]
        if target is CELLAR and "lamp" not in self.inventory:
            raise GameOver("fell down the stairs in the dark", self.score)
        self.room = target
        return self.look()

    def take(self, item):
        if item not in self.room.items:
            return "There is no " + item + " here."
        self.room.items.remove(item)
        self.inventory.append(item)
        self.score += SCORES.get(item, 0)
        if item == "gold":
            raise GameOver("you are rich", self.score)
        return "Taken: " + item

    def drop(self, item):
        if item not in self.inventory:
            return "You don't have " + item + "."
        self.inventory.remove(item)
        self.room.items.append(item)
        return "Dropped: " + item

    def command(self, line):
        words = line.lower().split()
        if not words:
            return "Say something."
        self.moves += 1
        verb = words[0]
        arg = words[1] if len(words) > 1 else ""
        if verb in ("n", "s", "e", "w", "u", "d"):
            arg = {"n": "north", "s": "south", "e": "east", "w": "west", "u": "up", "d": "down"}[verb]
            verb = "go"
        if verb == "look":
            return self.look()
        if verb == "go":
            return self.go(arg)
        if verb == "take" or verb == "get":
            return self.take(arg)
        if verb == "drop":
            return self.drop(arg)
        if verb == "inv":
            return "You carry: " + (", ".join(self.inventory) or "nothing")
        self.moves -= 1
        return "I don't know how to '" + verb + "'."


SCRIPTS = [
    ["look", "n", "take lamp", "take spoon", "d", "e", "u", "s", "w", "get key", "get rose", "inv",
     "drop rose", "look", "e", "n", "dance", "", "down", "east", "take gold", "look"],
    ["look", "n", "d"],
]


def entry_point(argv):
    for idx, script in enumerate(SCRIPTS):
        p = Player(HALL)
        print("== game", idx)
        try:
            for line in script:
                print("> " + line)
                print(p.command(line))
            print("script ended")
        except GameOver as e:
            print("GAME OVER: %s (score %d, moves %d)" % (e.reason, e.score, p.moves))
    for r in ROOMS:
        print("%-8s visits=%d items=%s" % (r.name, r.visits, r.items))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

# Parses a config; the last section is invalid and the error escapes: exit 1.
class ConfigError(Exception):
    pass


class Section(object):
    def __init__(self, name):
        self.name = name
        self.values = {}
        self.order = []

    def set(self, key, value):
        if key in self.values:
            raise ConfigError("duplicate key %s in [%s]" % (key, self.name))
        self.values[key] = value
        self.order.append(key)

    def get_int(self, key, default):
        if key not in self.values:
            return default
        v = self.values[key]
        try:
            return int(v)
        except ValueError:
            raise ConfigError("[%s] %s: expected an integer, found %r" % (self.name, key, v))


def parse(text):
    sections = []
    current = None
    for n, raw in enumerate(text.split("\n")):
        line = raw
        hash_at = line.find("#")
        if hash_at >= 0:
            line = line[:hash_at]
        line = line.strip()
        if not line:
            continue
        if line.startswith("[") and line.endswith("]"):
            current = Section(line[1:-1].strip())
            sections.append(current)
            continue
        eq = line.find("=")
        if eq < 0:
            raise ConfigError("line %d: expected key = value" % (n + 1))
        if current is None:
            raise ConfigError("line %d: value outside a section" % (n + 1))
        current.set(line[:eq].strip().lower(), line[eq + 1:].strip())
    return sections


def describe(sections):
    for s in sections:
        print("[%s] %d keys" % (s.name, len(s.order)))
        for k in s.order:
            print("    %s = %r" % (k, s.values[k]))


CONFIG = """
# server config
[server]
host = example.org   # the host
port = 8080
Workers = 4

[limits]
max_body = 1048576
timeout = 30
"""


def check(sections):
    total = 0
    for s in sections:
        total += s.get_int("port", 0) + s.get_int("workers", 1) + s.get_int("timeout", 0)
    return total


def entry_point(argv):
    sections = parse(CONFIG)
    describe(sections)
    print("check:", check(sections))
    for bad in ["key = 1", "[a]\nnovalue", "[a]\nx=1\nX = 2"]:
        try:
            parse(bad)
        except ConfigError as e:
            print("rejected:", e)
    broken = parse(CONFIG + "\n[extra]\nport = eighty\n")
    describe(broken)
    print("about to check broken config")
    print("check:", check(broken))
    print("not reached")
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

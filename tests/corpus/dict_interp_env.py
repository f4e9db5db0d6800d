# A tiny expression interpreter with variables held in a dict.
def tokenize(s):
    toks = []
    cur = ""
    for ch in s:
        if ch == " ":
            if cur != "":
                toks.append(cur)
            cur = ""
        else:
            cur += ch
    if cur != "":
        toks.append(cur)
    return toks


def run(lines):
    env = {}
    for line in lines:
        toks = tokenize(line)
        if toks[0] == "set":
            val = 0
            if toks[2] in env:
                val = env[toks[2]]
            else:
                val = int(toks[2])
            env[toks[1]] = val
        elif toks[0] == "add":
            env[toks[1]] = env.get(toks[1], 0) + env.get(toks[2], 0)
        elif toks[0] == "del":
            del env[toks[1]]
        elif toks[0] == "show":
            print(toks[1], "=", env.get(toks[1], -1))
    return env


def entry_point(argv):
    env = run(["set x 5", "set y x", "add y x", "show y", "set z 100", "del x", "show x", "add z y", "show z"])
    print(env)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

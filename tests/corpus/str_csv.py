DATA = """name, age , city
Alice,30, Paris
Bob , 25,Berlin
Carol,41 ,  New York
"""


def entry_point(argv):
    lines = DATA.strip().splitlines()
    header = lines[0].split(",")
    cols = len(header)
    out = ""
    for j in range(cols):
        if j > 0:
            out += " | "
        out += header[j].strip().upper()
    print(out)
    total_age = 0
    for i in range(1, len(lines)):
        fields = lines[i].split(",")
        name = fields[0].strip()
        age = int(fields[1].strip())
        city = fields[2].strip()
        total_age += age
        print("%-6s | %3d | %s" % (name, age, city.replace(" ", "_")))
    print("average age: %.2f" % (total_age / (len(lines) - 1)))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

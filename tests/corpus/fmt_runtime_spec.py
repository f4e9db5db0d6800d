def fmt(x, spec):
    return f"[{x:{spec}}]"


def entry_point(argv):
    specs = ">8|<8|^8|08.2f|+.3e|,.1f|g|.0%|=+10.1f".split("|")
    for i in range(len(specs)):
        print("%-8s" % specs[i], fmt(1234.5678, specs[i]), fmt(-0.25, specs[i]))
    ispecs = "d|>6|x|#o|b|,|+05|^9|c".split("|")
    for i in range(len(ispecs)):
        print("%-4s" % ispecs[i], f"[{65:{ispecs[i]}}]", f"[{-1000:{ispecs[i].replace('c', 'd')}}]")
    try:
        print(fmt(1.5, "d"))
    except ValueError as e:
        print("ValueError:", str(e))
    s = "text"
    try:
        print(f"{s:{'d'}}")
    except ValueError as e:
        print("ValueError:", str(e))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

# error: 7:9: str
def pick(flag):
    if flag:
        x = 1
        print("int")
    else:
        x = "one"
    return x


def entry_point(argv):
    print(pick(len(argv) > 1))
    return 0

class Box(object):
    def __init__(self):
        self.v = 0


def pick(boxes, i):
    if i < len(boxes):
        return boxes[i]
    return None


def entry_point(argv):
    boxes = [Box(), Box()]
    for i in range(3):
        b = pick(boxes, i)
        print("setting", i)
        b.v = i * 10
        print(boxes[0].v + boxes[1].v)
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(entry_point(sys.argv))

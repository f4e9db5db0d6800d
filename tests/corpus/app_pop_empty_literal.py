def top(kind):
    if kind == 1:
        return [].pop()
    return kind


def entry_point(argv):
    try:
        print(top(1))
    except IndexError as e:
        print("error:", e)
    print(top(2))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

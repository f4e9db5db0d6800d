from rpython.rlib.rarithmetic import r_uint


def div(a, b):
    try:
        return a // b
    except ZeroDivisionError:
        print("division by zero")
        return r_uint(0)


def entry_point(argv):
    print(str(div(r_uint(100), r_uint(7))))
    print(str(div(r_uint(-1), r_uint(3))))
    print(str(div(r_uint(5), r_uint(len(argv) - 1))))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

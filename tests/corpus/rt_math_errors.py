import math


def try_sqrt(x):
    try:
        return math.sqrt(x)
    except ValueError as e:
        print("ValueError:", str(e))
        return -1.0


def try_log(x):
    try:
        return math.log(x)
    except ValueError as e:
        print("ValueError:", str(e))
        return -1.0


def entry_point(argv):
    print(try_sqrt(4.0), try_sqrt(-1.0))
    print(try_log(1.0), try_log(0.0), try_log(-2.0))
    try:
        print(math.exp(1000.0))
    except OverflowError as e:
        print("OverflowError:", str(e))
    try:
        print(math.fmod(1.0, 0.0))
    except ValueError as e:
        print("ValueError:", str(e))
    try:
        print(math.floor(math.inf))
    except OverflowError as e:
        print("OverflowError:", str(e))
    try:
        print(math.ceil(math.nan))
    except ValueError as e:
        print("ValueError:", str(e))
    try:
        print(math.pow(0.0, -1.0))
    except ValueError as e:
        print("ValueError:", str(e))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

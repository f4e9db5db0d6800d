import math


def entry_point(argv):
    print(math.sqrt(2.0), math.sqrt(16), math.exp(1.0), math.log(10.0))
    print(math.log(8.0, 2.0), math.log10(1000.0), math.sin(0.5), math.cos(0.5))
    print(math.tan(1.0), math.atan(1.0), math.atan2(1.0, -1.0), math.fabs(-3.5))
    print(math.pow(2.0, 10.0), math.fmod(7.5, 2.0), math.fmod(-7.0, 3.0), math.hypot(3.0, 4.0))
    print(math.floor(2.7), math.floor(-2.5), math.ceil(2.1), math.ceil(-2.9))
    print(math.pi, math.e, math.inf, -math.inf)
    print(math.isnan(math.nan), math.isnan(1.0), math.isinf(math.inf), math.isinf(-math.inf), math.isinf(2.0))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

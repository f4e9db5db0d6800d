def entry_point(argv):
    n = 1234567
    x = 3.14159265
    s = "hi"
    print(f"{n:,} {n:_} {n:>12,} {n:x} {n:X} {n:#x} {n:o} {n:b} {n:#b}")
    print(f"{x:.2f} {x:08.3f} {x:e} {x:.3e} {x:g} {x:%} {0.256:.1%} {x:+.1f} {-x:.1f}")
    print(f"[{s:>10}] [{s:<10}] [{s:^10}] [{s:*^9}] [{s!r:>10}] [{s:.1}]")
    print(f"[{42:>10}] [{42:<6}] [{42:^7}] [{-42:08}] [{42:=+8}] [{7:03}]")
    print(f"{1e20:g} {1e-5:g} {123456789.0:.3g} {0.0:g} {100.0:.0f} {2.5:.0f} {3.5:.0f}")
    w = 8
    p = 3
    print(f"[{x:{w}.{p}f}] [{s:>{w}}] [{n:{w}}]")
    print(f"{True} {None} {x} {n} {s!r} {1.0}")
    big = 1234567.891
    print(f"{big:,.2f} {big:15,.1f} {-big:,.0f}")
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))

#!/usr/bin/env python3
"""Benchmarks: translated programs against CPython.

Usage: python3 tests/bench/run.py [--no-build] [--repeat N] [NAME ...]

Builds the toolchain with `cargo build --release`, translates every program
of BENCHMARKS with `target/release/rpython -O2`, checks that the translated
program prints what CPython prints, and times both (best of --repeat runs,
default 3). Prints one table row per program. Add a benchmark by adding a
row to BENCHMARKS. RPYTHON_BIN=path overrides the translator binary.
"""

import os
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BENCH = os.path.join(ROOT, "tests", "bench")

# (name, source relative to the repository root, arguments)
BENCHMARKS = [
    ("fib", "tests/bench/fib.py", ["32"]),
]


def timed(cmd, env=None):
    """Run cmd; return (seconds, stdout bytes, exit status)."""
    start = time.perf_counter()
    proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    elapsed = time.perf_counter() - start
    if proc.returncode != 0 and proc.stderr:
        sys.stderr.write(proc.stderr.decode("utf-8", "replace"))
    return elapsed, proc.stdout, proc.returncode


def best_of(cmd, repeat, env=None):
    best = None
    out = None
    for _ in range(repeat):
        t, out, status = timed(cmd, env)
        if status != 0:
            return None, out
        best = t if best is None else min(best, t)
    return best, out


def build():
    print("building: cargo build --release", flush=True)
    subprocess.run(["cargo", "build", "--release"], cwd=ROOT, check=True)


def fmt_time(t):
    return "failed" if t is None else "%.3fs" % t


def main(argv):
    repeat = 3
    names = []
    do_build = True
    i = 1
    while i < len(argv):
        if argv[i] == "--no-build":
            do_build = False
        elif argv[i] == "--repeat":
            i += 1
            repeat = int(argv[i])
        else:
            names.append(argv[i])
        i += 1
    if do_build:
        build()
    rpython = os.environ.get("RPYTHON_BIN") or os.path.join(ROOT, "target", "release", "rpython")
    env = dict(os.environ, PYTHONPATH=ROOT)
    rows = []
    failed = False
    with tempfile.TemporaryDirectory(prefix="rpy-bench-") as tmp:
        for name, source, args in BENCHMARKS:
            if names and name not in names:
                continue
            src = os.path.join(ROOT, source)
            exe = os.path.join(tmp, name)
            t_translate, _, status = timed([rpython, "-O2", "--output", exe, src])
            if status != 0:
                rows.append((name, " ".join(args), t_translate, None, None, "translation failed"))
                failed = True
                continue
            t_native, out_native = best_of([exe] + args, repeat)
            t_cpython, out_cpython = best_of([sys.executable, src] + args, repeat, env)
            if t_native is None or out_native != out_cpython:
                note = "OUTPUT DIFFERS from CPython"
                failed = True
            elif t_cpython is not None and t_cpython >= t_native:
                note = "translated -O2 is %.1fx faster than CPython" % (t_cpython / t_native)
            elif t_cpython is not None:
                note = "translated -O2 is %.1fx slower than CPython" % (t_native / t_cpython)
            else:
                note = "CPython failed"
            rows.append((name, " ".join(args), t_translate, t_native, t_cpython, note))
    header = ("program", "args", "translate", "-O2", "CPython", "")
    table = [header] + [(n, a, fmt_time(tt), fmt_time(tn), fmt_time(tc), note)
                        for (n, a, tt, tn, tc, note) in rows]
    widths = [max(len(r[c]) for r in table) for c in range(5)]
    for r in table:
        print("  ".join(r[c].ljust(widths[c]) for c in range(5)) + "  " + r[5])
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

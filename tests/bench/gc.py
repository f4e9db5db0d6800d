#!/usr/bin/env python3
"""GC benchmarks: each collector against the others and CPython.

Usage: python3 tests/bench/gc.py [--no-build] [--depth N] [--window N]
                                 [--rounds N] [--only PROGRAM]

Translates targets/gcbench (binary trees), tests/corpus/gc_window.py
(short-lived objects, a small window kept) and
tests/corpus/gc_big_list_cards.py (a 200k-item list in the old generation,
a few slots overwritten with young objects between minor collections: card
marking) with every `--gc=NAME`, runs them with RPYLOG=gc, and prints per
collector: wall time, peak RSS (the child's ru_maxrss), number of
collections and the longest pause (from the `[gc] summary` line), and the
number, total and median pause of the minor collections (from the
per-collection lines), next to CPython's time and RSS.
"""

import os
import re
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
COLLECTORS = ["generational", "semispace", "marksweep"]


def measure(cmd, env):
    """Run through wait4 to get the child's own peak RSS."""
    start = time.perf_counter()
    pid = os.fork()
    if pid == 0:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        errf = os.open(env["_RPY_BENCH_ERR"], os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
        os.dup2(errf, 2)
        os.execve(cmd[0], cmd, env)
    _, status, usage = os.wait4(pid, 0)
    elapsed = time.perf_counter() - start
    with open(env["_RPY_BENCH_ERR"], errors="replace") as f:
        err = f.read()
    return elapsed, usage.ru_maxrss, err, os.waitstatus_to_exitcode(status)


def summary(err):
    m = re.search(r"\[gc\] summary .*collections=(\d+) .*max_pause_us=(\d+)", err)
    return (int(m.group(1)), int(m.group(2))) if m else (None, None)


def minor_pauses(err):
    """Number, total and median pause of the minor collections."""
    pauses = sorted(int(m.group(1)) for m in re.finditer(r"kind=minor .*pause_us=(\d+)", err))
    return len(pauses), sum(pauses), pauses[len(pauses) // 2] if pauses else 0


def main(argv):
    depth, window, rounds, build, only = "16", "20000000", "3000", True, None
    i = 1
    while i < len(argv):
        if argv[i] == "--no-build":
            build = False
        elif argv[i] == "--depth":
            i += 1
            depth = argv[i]
        elif argv[i] == "--window":
            i += 1
            window = argv[i]
        elif argv[i] == "--only":
            i += 1
            only = argv[i]
        elif argv[i] == "--rounds":
            i += 1
            rounds = argv[i]
        i += 1
    if build:
        subprocess.run(["cargo", "build", "--release", "-p", "rpy-goal"], cwd=ROOT, check=True)
    rpython = os.environ.get("RPYTHON_BIN") or os.path.join(ROOT, "target", "release", "rpython")
    programs = [
        ("gcbench", "targets/gcbench/targetgcbench.py", [depth]),
        ("window", "tests/corpus/gc_window.py", [window]),
        ("biglist", "tests/corpus/gc_big_list_cards.py", ["200000", rounds]),
    ]
    with tempfile.TemporaryDirectory(prefix="rpy-gcbench-") as tmp:
        env = dict(os.environ, PYTHONPATH=ROOT, RPYLOG="gc", _RPY_BENCH_ERR=os.path.join(tmp, "err"))
        print("%-8s %-13s %9s %10s %6s %12s %7s %12s %12s" % ("program", "collector", "time", "peak RSS", "GCs", "max pause", "minors", "minor total", "minor median"))
        for name, src, args in programs:
            if only is not None and name != only:
                continue
            for gc in COLLECTORS:
                exe = os.path.join(tmp, "%s-%s" % (name, gc))
                r = subprocess.run([rpython, "-O2", "--batch", "--gc=" + gc, "-o", exe, os.path.join(ROOT, src)])
                if r.returncode != 0:
                    print("%-8s %-13s translation failed" % (name, gc))
                    continue
                t, rss, err, status = measure([exe] + args, env)
                n, pause = summary(err)
                minors, minor_total, minor_median = minor_pauses(err)
                print("%-8s %-13s %8.3fs %8d KiB %6s %10s us %7d %9d us %9d us%s" % (name, gc, t, rss, n, pause, minors, minor_total, minor_median, "" if status == 0 else " (exit %d)" % status))
            t, rss, err, status = measure([sys.executable, os.path.join(ROOT, src)] + args, env)
            print("%-8s %-13s %8.3fs %8d KiB" % (name, "CPython", t, rss))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

#!/usr/bin/env python3
"""GC benchmarks: each collector against the others and CPython.

Usage: python3 tests/bench/gc.py [--no-build] [--depth N] [--window N]

Translates targets/gcbench (binary trees) and tests/corpus/gc_window.py
(short-lived objects, a small window kept) with every `--gc=NAME`, runs
them with RPYLOG=gc, and prints per collector: wall time, peak RSS
(the child's ru_maxrss), number of collections and the longest pause
(from the `[gc] summary` line), next to CPython's time and RSS.
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


def main(argv):
    depth, window, build = "16", "20000000", True
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
        i += 1
    if build:
        subprocess.run(["cargo", "build", "--release", "-p", "rpy-goal"], cwd=ROOT, check=True)
    rpython = os.environ.get("RPYTHON_BIN") or os.path.join(ROOT, "target", "release", "rpython")
    programs = [("gcbench", "targets/gcbench/targetgcbench.py", depth), ("window", "tests/corpus/gc_window.py", window)]
    with tempfile.TemporaryDirectory(prefix="rpy-gcbench-") as tmp:
        env = dict(os.environ, PYTHONPATH=ROOT, RPYLOG="gc", _RPY_BENCH_ERR=os.path.join(tmp, "err"))
        print("%-8s %-13s %9s %10s %6s %12s" % ("program", "collector", "time", "peak RSS", "GCs", "max pause"))
        for name, src, arg in programs:
            for gc in COLLECTORS:
                exe = os.path.join(tmp, "%s-%s" % (name, gc))
                r = subprocess.run([rpython, "-O2", "--batch", "--gc=" + gc, "-o", exe, os.path.join(ROOT, src)])
                if r.returncode != 0:
                    print("%-8s %-13s translation failed" % (name, gc))
                    continue
                t, rss, err, status = measure([exe, arg], env)
                n, pause = summary(err)
                print("%-8s %-13s %8.3fs %8d KiB %6s %10s us%s" % (name, gc, t, rss, n, pause, "" if status == 0 else " (exit %d)" % status))
            t, rss, err, status = measure([sys.executable, os.path.join(ROOT, src), arg], env)
            print("%-8s %-13s %8.3fs %8d KiB" % (name, "CPython", t, rss))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

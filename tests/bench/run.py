#!/usr/bin/env python3
"""Benchmarks: translated programs against CPython and, where one exists,
the same algorithm written in C.

Usage: python3 tests/bench/run.py [--no-build] [--repeat N] [NAME ...]

Builds the toolchain with `cargo build --release`, translates every program
of BENCHMARKS with `target/release/rpython -O2` (once per source), checks
that the translated program prints what CPython prints (or, where CPython
is skipped or too slow, what the C version prints and the expected md5),
and times everything (best of --repeat runs, default 3; CPython runs once
when its row has a time limit). Prints one table row per benchmark with
the ratios translated/C and CPython/translated (the minivm rows run
targets/minivm on its examples at sizes bigger than their defaults).
Commands run in the repository root, so arguments are paths relative to
it. Add a benchmark by adding a row to BENCHMARKS. RPYTHON_BIN=path
overrides the translator binary; CC=compiler overrides gcc for the C
versions. Rows in the py2 dialect translate with --py2 and run on CPython
2.7 (PYTHON2=path, else `python2.7` on the PATH, else pyenv's 2.7.18).
RPYTHON_REF_DIR=folder adds RPython's own translations of a row's source
(`<ref>-O2`, `<ref>-Ojit` in that folder, built by the user with RPython
0.2.1, e.g. `rpython -Ojit tests/bench/bf_tutorial.py`), timed in the same
run, and the ratios ours/RPython.
"""

import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BENCH = os.path.join(ROOT, "tests", "bench")
SHARED = "../shared/bench"

# Expected output md5s of the shared Brainfuck inputs (../shared/bench/README.md).
MD5 = {
    "mandel.b": "5024283fa65866ddd347b877798e84d8",
    "bench.b": "ff84a182ecc6da31db638d7c562996d6",
    "hanoi.b": "013caafcc396feaf9b6d8347d3c32f54",
    "long.b": "ceb1e7db7df6a7005fb5b80ba6e370fe",
}

BF = "targets/bf/targetbf.py"
# The usual-style BF VM (py2; RPython's tutorial shape), for the JIT.
BF_TUTORIAL = "tests/bench/bf_tutorial.py"
BF_C = "tests/bench/bf.c"
MINIVM = "targets/minivm/targetminivm.py"
MINIVM_EX = "targets/minivm/examples"

# (name, source relative to the repository root, arguments, options)
# options: "c": a C version of the same program (gcc -O2), run with the same
# arguments; "cpython": None to skip CPython, or a time limit in seconds
# (absent: no limit, best of --repeat); "md5": the expected stdout md5;
# "needs": a path that must exist (else the row is skipped); "jit": also
# translate with -Ojit and time that (programs with a JitDriver); "py2": the
# source is in the py2 dialect; "ref": the name of RPython's translations of
# the same source in RPYTHON_REF_DIR.
BENCHMARKS = [
    ("fib", "tests/bench/fib.py", ["32"], {}),
    # str helper graphs: s[i], ==, + and find in a tokenizer loop.
    ("strtok", "tests/bench/strtok.py", ["40"], {"cpython": 300}),
    ("bf bench.b", BF, [SHARED + "/bench.b"],
     {"c": BF_C, "cpython": 300, "md5": MD5["bench.b"], "needs": SHARED, "jit": True}),
    ("bf hanoi.b", BF, [SHARED + "/hanoi.b"],
     {"c": BF_C, "cpython": 300, "md5": MD5["hanoi.b"], "needs": SHARED, "jit": True}),
    # CPython needs well over ten minutes for mandel.b: skipped.
    ("bf mandel.b", BF, [SHARED + "/mandel.b"],
     {"c": BF_C, "cpython": None, "md5": MD5["mandel.b"], "needs": SHARED, "jit": True}),
    # One BF op per interpreter iteration, ops as one-character strings:
    # what the JIT is for (no C version: it would be a different algorithm).
    ("bf_tutorial bench.b", BF_TUTORIAL, [SHARED + "/bench.b"],
     {"py2": True, "cpython": 300, "md5": MD5["bench.b"], "needs": SHARED, "jit": True,
      "ref": "bf_tutorial"}),
    ("bf_tutorial mandel.b", BF_TUTORIAL, [SHARED + "/mandel.b"],
     {"py2": True, "cpython": None, "md5": MD5["mandel.b"], "needs": SHARED, "jit": True,
      "ref": "bf_tutorial"}),
    # A natural-style interpreter (tests/bench/bf_chars.py): the program as a
    # str, `if c == "+"` dispatch on chars; its C twin is the same algorithm.
    ("bf_chars bench.b", "tests/bench/bf_chars.py", [SHARED + "/bench.b"],
     {"c": "tests/bench/bf_chars.c", "cpython": 300, "md5": MD5["bench.b"], "needs": SHARED}),
    ("bf_chars mandel.b", "tests/bench/bf_chars.py", [SHARED + "/mandel.b"],
     {"c": "tests/bench/bf_chars.c", "cpython": None, "md5": MD5["mandel.b"], "needs": SHARED}),
    # targets/minivm: calls and recursion, integer loops over arrays and
    # strings, method sends and allocation (no C version: ratios to CPython).
    ("minivm fib", MINIVM, [MINIVM_EX + "/fib.mini", "28"], {"cpython": 300, "jit": True}),
    ("minivm sieve", MINIVM, [MINIVM_EX + "/sieve.mini", "40000"], {"cpython": 300, "jit": True}),
    ("minivm objects", MINIVM, [MINIVM_EX + "/objects.mini", "10000"], {"cpython": 300, "jit": True}),
]


def timed(cmd, env=None, limit=None):
    """Run cmd in the repository root; return (seconds, stdout bytes, exit
    status), the status being None when the time limit was reached."""
    start = time.perf_counter()
    try:
        proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env,
                              cwd=ROOT, timeout=limit)
    except subprocess.TimeoutExpired:
        return time.perf_counter() - start, b"", None
    elapsed = time.perf_counter() - start
    if proc.returncode != 0 and proc.stderr:
        sys.stderr.write(proc.stderr.decode("utf-8", "replace"))
    return elapsed, proc.stdout, proc.returncode


def best_of(cmd, repeat, env=None, limit=None):
    """(best seconds or None, stdout, timed out?)"""
    best = None
    out = None
    for _ in range(repeat):
        t, out, status = timed(cmd, env, limit)
        if status is None:
            return None, out, True
        if status != 0:
            return None, out, False
        best = t if best is None else min(best, t)
    return best, out, False


def build():
    print("building: cargo build --release", flush=True)
    subprocess.run(["cargo", "build", "--release"], cwd=ROOT, check=True)


def fmt_time(t):
    return "failed" if t is None else "%.3fs" % t


def md5(data):
    return hashlib.md5(data).hexdigest()


def run_row(name, source, args, opts, exes, tmp, repeat, rpython, env):
    """One table row: (name, args, translate, -O2, -Ojit, C, CPython, notes)."""
    shown_args = " ".join(args)
    needs = opts.get("needs")
    if needs and not os.path.exists(os.path.join(ROOT, needs)):
        return (name, shown_args, "-", "-", "-", "-", "-", "skipped: %s does not exist" % needs), False
    dialect = ["--py2"] if opts.get("py2") else []
    if source not in exes:
        exe = os.path.join(tmp, "prog%d" % len(exes))
        t_translate, _, status = timed([rpython, "-O2"] + dialect + ["--output", exe, source])
        exes[source] = (exe if status == 0 else None, t_translate)
    exe, t_translate = exes[source]
    if exe is None:
        return (name, shown_args, fmt_time(t_translate), "-", "-", "-", "-", "translation failed"), True
    notes = []
    failed = False
    t_native, out_native, _ = best_of([exe] + args, repeat)
    if t_native is None:
        notes.append("translated program failed")
        failed = True
    # The same source with the JIT (-Ojit), side by side with -O2.
    jit_cell = "-"
    if opts.get("jit"):
        key = source + "#jit"
        if key not in exes:
            jexe = os.path.join(tmp, "jit%d" % len(exes))
            t_jt, _, status = timed([rpython, "-Ojit"] + dialect + ["--output", jexe, source])
            exes[key] = (jexe if status == 0 else None, t_jt)
        jexe, t_jt = exes[key]
        if jexe is None:
            notes.append("-Ojit translation failed")
            failed = True
        else:
            t_jit, out_jit, _ = best_of([jexe] + args, repeat)
            jit_cell = fmt_time(t_jit)
            if t_jit is None or out_jit != out_native:
                notes.append("-Ojit OUTPUT DIFFERS")
                failed = True
            elif t_native:
                notes.append("-Ojit/-O2 %.2fx (translate %s)" % (t_jit / t_native, fmt_time(t_jt)))
            ref_notes, ref_failed = reference(opts.get("ref"), args, repeat, out_native,
                                              {"-O2": t_native, "-Ojit": t_jit})
            notes.extend(ref_notes)
            failed = failed or ref_failed
    # C version of the same algorithm.
    c_src = opts.get("c")
    t_c = None
    c_cell = "-"
    if c_src:
        c_exe = os.path.join(tmp, "c-" + os.path.splitext(os.path.basename(c_src))[0])
        if not os.path.exists(c_exe):
            cc = os.environ.get("CC") or "gcc"
            subprocess.run([cc, "-O2", "-o", c_exe, c_src], cwd=ROOT, check=True)
        t_c, out_c, _ = best_of([c_exe] + args, repeat)
        c_cell = fmt_time(t_c)
        if t_c is not None and t_native is not None:
            if out_c != out_native:
                notes.append("OUTPUT DIFFERS from C")
                failed = True
            notes.append("translated/C %.2fx" % (t_native / t_c))
    # CPython, possibly with a time limit or skipped.
    py_cell = "-"
    if "cpython" in opts and opts["cpython"] is None:
        py_cell = "skipped"
    else:
        limit = opts.get("cpython")
        python = python2() if opts.get("py2") else [sys.executable]
        t_py, out_py, timed_out = best_of(python + [source] + args,
                                          1 if limit else repeat, env, limit)
        if timed_out:
            py_cell = ">%ds" % limit
            if t_native is not None:
                notes.append("CPython/translated >%.0fx" % (limit / t_native))
        else:
            py_cell = fmt_time(t_py)
            if t_py is None:
                notes.append("CPython failed")
            elif t_native is not None:
                if out_py != out_native:
                    notes.append("OUTPUT DIFFERS from CPython")
                    failed = True
                notes.append("CPython/translated %.1fx" % (t_py / t_native))
    expected = opts.get("md5")
    if expected and t_native is not None and md5(out_native) != expected:
        notes.append("WRONG OUTPUT (md5 %s)" % md5(out_native))
        failed = True
    return (name, shown_args, fmt_time(t_translate), fmt_time(t_native), jit_cell, c_cell, py_cell,
            "; ".join(notes)), failed


def python2():
    """The command that runs CPython 2.7."""
    p = os.environ.get("PYTHON2") or shutil.which("python2.7")
    return [p] if p else ["env", "PYENV_VERSION=2.7.18", "python"]


def reference(ref, args, repeat, expected_out, ours):
    """Time RPython's own translations of a row's source, if the user has
    them in RPYTHON_REF_DIR: notes with their times and ours/theirs."""
    folder = os.environ.get("RPYTHON_REF_DIR")
    if not ref or not folder:
        return [], False
    notes = []
    failed = False
    for level in ("-O2", "-Ojit"):
        exe = os.path.join(folder, ref + level)
        if not os.path.exists(exe):
            continue
        t, out, _ = best_of([exe] + args, repeat)
        if t is None or out != expected_out:
            notes.append("RPython %s OUTPUT DIFFERS" % level)
            failed = True
        elif ours.get(level):
            notes.append("RPython %s %s, ours/RPython %.2fx" % (level, fmt_time(t), ours[level] / t))
    return notes, failed


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
    exes = {}
    with tempfile.TemporaryDirectory(prefix="rpy-bench-") as tmp:
        for name, source, args, opts in BENCHMARKS:
            if names and name not in names and name.split()[0] not in names:
                continue
            row, row_failed = run_row(name, source, args, opts, exes, tmp, repeat, rpython, env)
            rows.append(row)
            failed = failed or row_failed
    header = ("program", "args", "translate", "-O2", "-Ojit", "C -O2", "CPython", "")
    table = [header] + rows
    ncols = len(header) - 1
    widths = [max(len(r[c]) for r in table) for c in range(ncols)]
    for r in table:
        print("  ".join(r[c].ljust(widths[c]) for c in range(ncols)) + "  " + r[ncols])
    print("(CPython: one run with a time limit where shown as >Ns, skipped for mandel.b; "
          "others: best of %d runs)" % repeat)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

//! The support package `rpython/` under CPython: a small script exercises
//! rarithmetic, objectmodel, rstring, jit and unroll and prints what it computed;
//! the output must equal `EXPECTED` under Python 3 and, when installed,
//! Python 2.7 (the package must stay importable by both dialects' oracles).

use std::process::Command;

use rpy_tests::process::{run, Exit};
use rpy_tests::repo_root;

const SCRIPT: &str = r#"
from __future__ import print_function
from rpython.rlib.rarithmetic import LONG_BIT, intmask, r_uint, r_int, ovfcheck, is_valid_int
from rpython.rlib.objectmodel import (specialize, we_are_translated, compute_hash,
    compute_identity_hash, r_dict, always_inline, not_rpython, enforceargs, import_from_mixin)
from rpython.rlib.rstring import StringBuilder, UnicodeBuilder
from rpython.rlib.jit import (JitDriver, JitHintError, promote, promote_string, elidable,
    dont_look_inside, unroll_safe, look_inside, we_are_jitted, hint, set_param)

def show(*xs):
    print(" ".join([str(x) for x in xs]))

show("LONG_BIT", LONG_BIT)
show("intmask", intmask(2 ** 63), intmask(2 ** 64 + 5), intmask(-1), intmask(r_uint(-2)), intmask(True))
u = r_uint(-1)
show("r_uint", int(u), int(u + 1), int(r_uint(3) - 5), int(u * u), int(u >> 60), int(r_uint(1) << 64))
show("r_uint types", isinstance(u + 1, r_uint), isinstance(7 - r_uint(2), r_uint), int(-r_uint(1)), int(~r_uint(0)))
show("r_uint div", int(r_uint(-1) // 2), int(r_uint(10) % 3), int(r_uint(2) ** 64), int(r_uint(5) & 3 | 8 ^ 1))
show("r_int", r_int(-5), r_int is int)
show("ovfcheck", ovfcheck(2 ** 63 - 1), ovfcheck(-2 ** 63))
for bad in (2 ** 63, -2 ** 63 - 1):
    try:
        ovfcheck(bad)
        show("no overflow")
    except OverflowError:
        show("overflow", bad)
show("is_valid_int", is_valid_int(5), is_valid_int(2 ** 63), is_valid_int(-2 ** 63), is_valid_int(1.5), is_valid_int("1"))

@specialize.argtype(0, 1)
def f1(x, y):
    return x
@specialize.memo()
def f2():
    return 2
@specialize.arg(0)
def f3(x):
    return x
@specialize.call_location()
def f4(x):
    return x
@always_inline
def f5():
    return 5
@not_rpython
def f6():
    return 6
@enforceargs(int, str)
def f7(a, b):
    return a
show("decorators", f1(1, 2), f2(), f3(3), f4(4), f5(), f6(), f7(7, "x"), we_are_translated())
show("specialize tags", f1._annspecialcase_, f2._annspecialcase_, f3._annspecialcase_)

class Thing(object):
    pass
t = Thing()
show("hashes", compute_hash("abc") == hash("abc"), compute_hash(42), compute_hash(None) == hash(None),
     compute_identity_hash(t) == compute_identity_hash(t), compute_hash(t) == compute_identity_hash(t))

d = r_dict(lambda a, b: a.lower() == b.lower(), lambda a: hash(a.lower()))
d["Key"] = 1
d["KEY"] = 2
d["other"] = 3
d.setdefault("OTHER", 9)
show("r_dict", len(d), d["key"], d.get("Other"), d.get("none", -1), "kEy" in d, "x" in d, d.keys(), d.values())
del d["OTHER"]
d["z"] = 26
show("r_dict after", d.items(), d.pop("Z"), d.pop("missing", 0), len(d.copy()), list(d))
try:
    d["nope"]
except KeyError:
    show("r_dict KeyError")

class Mixin(object):
    _mixin_ = True
    def greet(self):
        return "mixin " + self.name
class User(object):
    import_from_mixin(Mixin)
    def __init__(self):
        self.name = "user"
show("mixin", User().greet())

sb = StringBuilder()
sb.append("ab")
sb.append_slice("0123456", 2, 5)
sb.append_multiple_char("x", 3)
show("StringBuilder", sb.build(), sb.getlength(), StringBuilder().build() == "", UnicodeBuilder is StringBuilder)

driver = JitDriver(greens=["pc", "code"], reds=["frame"], get_printable_location=lambda pc, code: "pc")
driver.jit_merge_point(pc=0, code="c", frame=None)
driver.can_enter_jit(code="c", frame=None, pc=1)
for kw in ({"pc": 0, "code": "c"}, {"pc": 0, "code": "c", "frame": None, "extra": 1}):
    try:
        driver.jit_merge_point(**kw)
        show("no error")
    except JitHintError:
        show("JitHintError", sorted(kw))
auto = JitDriver(greens=["pc"], reds="auto")
auto.jit_merge_point(pc=3)
@elidable
def g1(x):
    return x + 1
@dont_look_inside
def g2(x):
    return x + 2
@unroll_safe
def g3(x):
    return x + 3
@look_inside
def g4(x):
    return x + 4
set_param(driver, "threshold", 3)
show("jit", promote(5), promote_string("s"), g1(0), g2(0), g3(0), g4(0), we_are_jitted(), hint(7, promote=True))

class SubDriver(JitDriver):
    greens = ["pc"]
    reds = ["acc"]
sub = SubDriver()
sub.jit_merge_point(pc=0, acc=1)
show("JitDriver subclass", sub.greens, sub.reds, r_uint.BITS)

from rpython.rlib.unroll import unrolling_iterable
ops = unrolling_iterable([("a", 1), ("b", 2)])
show("unroll", [name for name, _ in ops], len(ops), [n for _, n in ops])
"#;

const EXPECTED: &str = "\
LONG_BIT 64
intmask -9223372036854775808 5 -1 -2 1
r_uint 18446744073709551615 0 18446744073709551614 1 15 0
r_uint types True True 18446744073709551615 18446744073709551615
r_uint div 9223372036854775807 1 0 9
r_int -5 True
ovfcheck 9223372036854775807 -9223372036854775808
overflow 9223372036854775808
overflow -9223372036854775809
is_valid_int True False True False False
decorators 1 2 3 4 5 6 7 False
specialize tags specialize:argtype(0, 1) specialize:memo specialize:arg(0)
hashes True 42 True True True
r_dict 2 2 3 -1 True False ['Key', 'other'] [2, 3]
r_dict after [('Key', 2), ('z', 26)] 26 0 1 ['Key']
r_dict KeyError
mixin mixin user
StringBuilder ab234xxx 8 True True
JitHintError ['code', 'pc']
JitHintError ['code', 'extra', 'frame', 'pc']
jit 5 s 1 2 3 4 False 7
JitDriver subclass ['pc'] ['acc'] 64
unroll ['a', 'b'] 2 [1, 2]
";

fn run_script(program: &str, env: &[(&str, &str)]) -> Option<(String, Exit, String)> {
    let mut cmd = Command::new(program);
    cmd.arg("-c")
        .arg(SCRIPT)
        .env("PYTHONPATH", repo_root())
        .env("PYTHONDONTWRITEBYTECODE", "1");
    for (k, v) in env {
        cmd.env(k, v);
    }
    let o = run(cmd).ok()?;
    Some((
        String::from_utf8_lossy(&o.stdout).into_owned(),
        o.exit,
        String::from_utf8_lossy(&o.stderr).into_owned(),
    ))
}

#[test]
fn rlib_python3() {
    let (out, exit, err) = run_script("python3", &[]).expect("python3 must be installed");
    assert_eq!(
        (out.as_str(), exit),
        (EXPECTED, Exit::Code(0)),
        "stderr:\n{}",
        err
    );
}

#[test]
fn rlib_python27() {
    let env = [("PYENV_VERSION", "2.7.18")];
    let mut probe = Command::new("python");
    probe
        .arg("-c")
        .arg("import sys; print(sys.version_info[0])")
        .env("PYENV_VERSION", "2.7.18");
    let available = run(probe)
        .map(|o| o.stdout.starts_with(b"2"))
        .unwrap_or(false);
    if !available {
        eprintln!(
            "note: Python 2.7 (PYENV_VERSION=2.7.18 python) not available; skipping the 2.7 check"
        );
        return;
    }
    let (out, exit, err) = run_script("python", &env).expect("python 2.7 ran in the probe");
    assert_eq!(
        (out.as_str(), exit),
        (EXPECTED, Exit::Code(0)),
        "stderr:\n{}",
        err
    );
}

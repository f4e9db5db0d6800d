//! Integer and float ops, compiled and interpreted on a grid of edge
//! values: Python division on negatives, shifts by 0/63/64+, overflow
//! guards, unsigned compares, casts.

mod common;

use common::*;
use rpy_abi::gc::GcKind;
use rpy_jittrace::{Const, Exit};

const EDGE: &[i64] = &[
    0,
    1,
    -1,
    2,
    -2,
    3,
    -7,
    7,
    63,
    64,
    100,
    i64::MAX,
    i64::MIN,
    i64::MIN + 1,
    1 << 32,
    -(1 << 40),
];

fn binary_grid(ops: &[&str], ok: impl Fn(&str, i64, i64) -> bool) {
    let _w = World::install(true);
    let mut p = Pair::new(GcKind::Generational);
    for op in ops {
        let id = p.add_loop(&format!("[i0, i1]\ni2 = {op}(i0, i1)\nfinish(i2)\n"));
        for &a in EDGE {
            for &b in EDGE {
                if ok(op, a, b) {
                    p.check(id, &ints(&[a, b]));
                }
            }
        }
    }
}

#[test]
fn wrapping_and_bitwise() {
    binary_grid(
        &[
            "int_add", "int_sub", "int_mul", "int_and", "int_or", "int_xor", "int_min", "int_max",
        ],
        |_, _, _| true,
    );
}

#[test]
fn python_division_and_modulo() {
    binary_grid(&["int_floordiv", "int_mod", "uint_floordiv"], |_, _, b| {
        b != 0
    });
    // A few by hand, so the grid is known to cover the interesting cases.
    let _w = World::install(true);
    let mut p = Pair::new(GcKind::Generational);
    let div = p.add_loop("[i0, i1]\ni2 = int_floordiv(i0, i1)\ni3 = int_mod(i0, i1)\ni4 = int_mul(i2, 1000)\ni5 = int_add(i4, i3)\nfinish(i5)\n");
    for (a, b, want) in [
        (-7, 2, -4 * 1000 + 1),
        (7, -2, -4 * 1000 - 1),
        (-8, 2, -4000),
        (7, 2, 3001),
    ] {
        assert_eq!(
            p.check(div, &ints(&[a, b])),
            Exit::Finished(Some(Const::Int(want)))
        );
    }
}

#[test]
fn shifts_past_the_word() {
    binary_grid(&["int_lshift", "int_rshift", "uint_rshift"], |_, _, b| {
        b >= 0
    });
    let _w = World::install(true);
    let mut p = Pair::new(GcKind::Generational);
    let id = p.add_loop("[i0, i1]\ni2 = int_rshift(i0, i1)\nfinish(i2)\n");
    assert_eq!(
        p.check(id, &ints(&[-5, 64])),
        Exit::Finished(Some(Const::Int(-1)))
    );
    assert_eq!(
        p.check(id, &ints(&[-5, 0])),
        Exit::Finished(Some(Const::Int(-5)))
    );
    let id = p.add_loop("[i0, i1]\ni2 = int_lshift(i0, i1)\nfinish(i2)\n");
    assert_eq!(
        p.check(id, &ints(&[1, 63])),
        Exit::Finished(Some(Const::Int(i64::MIN)))
    );
    assert_eq!(
        p.check(id, &ints(&[1, 64])),
        Exit::Finished(Some(Const::Int(0)))
    );
}

#[test]
fn compares() {
    binary_grid(
        &[
            "int_lt", "int_le", "int_eq", "int_ne", "int_gt", "int_ge", "uint_lt", "uint_le",
            "uint_gt", "uint_ge",
        ],
        |_, _, _| true,
    );
}

#[test]
fn unary_ops() {
    let _w = World::install(true);
    let mut p = Pair::new(GcKind::Generational);
    for op in [
        "int_neg",
        "int_invert",
        "int_abs",
        "int_is_true",
        "int_is_zero",
        "same_as_i",
    ] {
        let id = p.add_loop(&format!("[i0]\ni1 = {op}(i0)\nfinish(i1)\n"));
        for &a in EDGE {
            p.check(id, &ints(&[a]));
        }
    }
}

#[test]
fn int_between() {
    let _w = World::install(true);
    let mut p = Pair::new(GcKind::Generational);
    let id = p.add_loop("[i0, i1, i2]\ni3 = int_between(i0, i1, i2)\nfinish(i3)\n");
    for &a in &EDGE[..8] {
        for &b in EDGE {
            for &c in &EDGE[..8] {
                p.check(id, &ints(&[a, b, c]));
            }
        }
    }
    let id = p.add_loop("[i0]\ni1 = int_between(0, i0, 10)\nfinish(i1)\n");
    for &a in EDGE {
        p.check(id, &ints(&[a]));
    }
}

#[test]
fn overflow_guards() {
    let _w = World::install(true);
    let mut p = Pair::new(GcKind::Generational);
    for op in ["int_add_ovf", "int_sub_ovf", "int_mul_ovf"] {
        let no = p.add_loop(&format!("[i0, i1]\ni2 = {op}(i0, i1)\nguard_no_overflow(descr=<resume 1>) [i0, i1]\nfinish(i2)\n"));
        let yes = p.add_loop(&format!(
            "[i0, i1]\ni2 = {op}(i0, i1)\nguard_overflow(descr=<resume 2>) [i2]\nfinish(i0)\n"
        ));
        let mut failed = 0;
        for &a in EDGE {
            for &b in EDGE {
                if matches!(p.check(no, &ints(&[a, b])), Exit::GuardFailed { .. }) {
                    failed += 1;
                }
                p.check(yes, &ints(&[a, b]));
            }
        }
        assert!(failed > 0, "{op} never overflowed");
    }
}

#[test]
fn floats_and_casts() {
    let _w = World::install(true);
    let mut p = Pair::new(GcKind::Generational);
    let fs = [
        0.0,
        -0.0,
        1.5,
        -2.25,
        1e300,
        -1e-300,
        f64::INFINITY,
        f64::NEG_INFINITY,
        f64::NAN,
        3.0,
    ];
    for op in [
        "float_add",
        "float_sub",
        "float_mul",
        "float_lt",
        "float_le",
        "float_eq",
        "float_ne",
        "float_gt",
        "float_ge",
    ] {
        let id = p.add_loop(
            &format!("[f0, f1]\nx2 = {op}(f0, f1)\nfinish(x2)\n").replace(
                "x2",
                if op.starts_with("float_l")
                    || op.starts_with("float_g")
                    || op.starts_with("float_e")
                    || op.starts_with("float_n")
                {
                    "i2"
                } else {
                    "f2"
                },
            ),
        );
        for &a in &fs {
            for &b in &fs {
                p.check(id, &[Const::Float(a), Const::Float(b)]);
            }
        }
    }
    let div = p.add_loop("[f0, f1]\nf2 = float_truediv(f0, f1)\nfinish(f2)\n");
    for &a in &fs {
        for &b in &fs {
            if b != 0.0 {
                p.check(div, &[Const::Float(a), Const::Float(b)]);
            }
        }
    }
    for op in ["float_neg", "float_abs", "same_as_f"] {
        let id = p.add_loop(&format!("[f0]\nf1 = {op}(f0)\nfinish(f1)\n"));
        for &a in &fs {
            p.check(id, &[Const::Float(a)]);
        }
    }
    let to_int = p.add_loop("[f0]\ni1 = cast_float_to_int(f0)\nfinish(i1)\n");
    for &a in &fs {
        p.check(to_int, &[Const::Float(a)]);
    }
    let to_float =
        p.add_loop("[i0]\nf1 = cast_int_to_float(i0)\nf2 = float_mul(f1, 0.5)\nfinish(f2)\n");
    for &a in EDGE {
        p.check(to_float, &ints(&[a]));
    }
}

#[test]
fn constants_in_every_position() {
    let _w = World::install(true);
    let mut p = Pair::new(GcKind::Generational);
    let id = p.add_loop(
        "[i0]\ni1 = int_floordiv(-9223372036854775808, i0)\ni2 = int_mod(i0, -3)\ni3 = int_lshift(i0, 70)\ni4 = int_add(i1, i2)\ni5 = int_add(i4, i3)\nf6 = cast_int_to_float(i5)\nf7 = float_add(f6, 0.25)\nfinish(f7)\n",
    );
    for &a in EDGE {
        if a != 0 {
            p.check(id, &ints(&[a]));
        }
    }
}

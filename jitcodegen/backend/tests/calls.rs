//! Calls to `extern "C"` functions by descriptor signature, narrowed
//! results, exceptions raised by a callee and caught by
//! guard_no_exception / guard_exception.

mod common;

use std::sync::atomic::Ordering;

use common::*;
use rpy_abi::gc::GcKind;
use rpy_jittrace::{Const, Exit, ResumeId};

extern "C" fn add3(a: i64, b: i64, c: i64) -> i64 {
    a.wrapping_add(b).wrapping_add(c)
}

extern "C" fn is_neg(a: i64) -> bool {
    a < 0
}

extern "C" fn low_byte_signed(a: i64) -> i8 {
    a as i8
}

extern "C" fn hypot(a: f64, b: f64) -> f64 {
    a.hypot(b)
}

extern "C" fn scale(a: i64, b: f64) -> f64 {
    a as f64 * b
}

extern "C" fn floor_of(a: f64) -> i64 {
    a.floor() as i64
}

extern "C" fn nothing() -> i64 {
    99
}

/// Raises exception type 42 (a fresh instance) when `b == 0`.
extern "C" fn add_or_raise(a: i64, b: i64) -> i64 {
    if b == 0 {
        let w = world();
        let e = w.alloc(42, 16);
        w.set_word(e, 8, a);
        w.exc_type.store(42, Ordering::Relaxed);
        w.exc_value.store(e, Ordering::Relaxed);
        return 0;
    }
    a + b
}

#[test]
fn calls_by_signature() {
    let _w = World::install(true);
    let mut p = Pair::new(GcKind::Generational);
    let text = format!(
        "[i0, f1]
i2 = call_i({add3}, i0, 10, i0, descr=<call add3 iii:i>)
i3 = call_i({is_neg}, i0, descr=<call is_neg i:u1>)
i4 = call_pure_i({low}, i2, descr=<call low i:i1 elidable>)
f5 = call_f({hypot}, f1, 4.0, descr=<call hypot ff:f>)
f6 = call_loopinvariant_f({scale}, i3, f5, descr=<call scale if:f loopinvariant>)
i7 = call_i({floor}, f6, descr=<call floor f:i>)
i8 = call_i({nothing}, descr=<call nothing :i>)
i9 = int_mul(i2, 1000)
i10 = int_add(i9, i4)
i11 = int_mul(i10, 1000)
i12 = int_add(i11, i7)
i13 = int_add(i12, i8)
i14 = int_add(i13, i3)
finish(i14)
",
        add3 = add3 as *const () as usize,
        is_neg = is_neg as *const () as usize,
        low = low_byte_signed as *const () as usize,
        hypot = hypot as *const () as usize,
        scale = scale as *const () as usize,
        floor = floor_of as *const () as usize,
        nothing = nothing as *const () as usize,
    );
    let id = p.add_loop(&text);
    for i in [0, 1, -1, 59, -200, 1 << 40] {
        for f in [3.0, -0.5, 1e10] {
            p.check(id, &[Const::Int(i), Const::Float(f)]);
        }
    }
}

#[test]
fn call_through_a_variable_address() {
    let _w = World::install(true);
    let mut p = Pair::new(GcKind::Generational);
    let id =
        p.add_loop("[i0, i1]\ni2 = call_i(i0, i1, i1, i1, descr=<call f iii:i>)\nfinish(i2)\n");
    assert_eq!(
        p.check(id, &ints(&[add3 as *const () as usize as i64, 7])),
        Exit::Finished(Some(Const::Int(21)))
    );
}

#[test]
fn exceptions() {
    let _w = World::install(true);
    let mut p = Pair::new(GcKind::Generational);
    let f = add_or_raise as *const () as usize;
    let text = format!(
        "[i0, i1]
i2 = call_i({f}, i0, i1, descr=<call add_or_raise ii:i raise>)
guard_no_exception(descr=<resume 1>) [i0]
i4 = call_i({f}, i2, 0, descr=<call add_or_raise ii:i raise>)
p5 = guard_exception(42, descr=<resume 2>) [i2]
i6 = gettypeid(p5)
i7 = getfield_gc_i(p5, descr=<field E.a +8 i8>)
i8 = int_mul(i6, 1000)
i9 = int_add(i7, i8)
finish(i9)
"
    );
    let id = p.add_loop(&text);
    for interp in [true, false] {
        let run = |a: &[i64]| {
            if interp {
                p.interp(id, &ints(a))
            } else {
                p.compiled(id, &ints(a))
            }
        };
        assert_eq!(run(&[3, 4]), Exit::Finished(Some(Const::Int(42_007))));
        let w = world();
        assert_eq!(
            w.exc_type.load(Ordering::Relaxed),
            0,
            "guard_exception clears the exception"
        );
        assert_eq!(w.exc_value.load(Ordering::Relaxed), 0);
        match run(&[3, 0]) {
            Exit::GuardFailed { resume, values, .. } => {
                assert_eq!(resume, ResumeId(1));
                assert_eq!(values, ints(&[3]));
            }
            other => panic!("{other:?}"),
        }
        let w = world();
        assert_eq!(
            w.exc_type.load(Ordering::Relaxed),
            42,
            "the exception stays pending for resume"
        );
        w.exc_type.store(0, Ordering::Relaxed);
        w.exc_value.store(0, Ordering::Relaxed);
    }
    // An exception of another class fails guard_exception.
    let text = format!(
        "[i0]\ni1 = call_i({f}, i0, 0, descr=<call add_or_raise ii:i raise>)\np2 = guard_exception(43, descr=<resume 3>) [i0]\nfinish(p2)\n"
    );
    let id = p.add_loop(&text);
    for interp in [true, false] {
        let exit = if interp {
            p.interp(id, &ints(&[5]))
        } else {
            p.compiled(id, &ints(&[5]))
        };
        assert!(
            matches!(
                exit,
                Exit::GuardFailed {
                    resume: ResumeId(3),
                    ..
                }
            ),
            "{exit:?}"
        );
        let w = world();
        assert_eq!(w.exc_type.load(Ordering::Relaxed), 42);
        w.exc_type.store(0, Ordering::Relaxed);
    }
}

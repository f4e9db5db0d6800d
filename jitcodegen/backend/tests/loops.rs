//! Loops, guard exits, bridges reached through guard slots, jumps into
//! other loops, entering at a label, guards on classes and values.

mod common;

use common::*;
use rpy_abi::gc::GcKind;
use rpy_jitbackend::ExitKind;
use rpy_jittrace::{Const, Exit, GuardRef, ResumeId, TargetToken};

const COUNT: &str = "
[i0, i1]
label(i0, i1, descr=<loop 0>)
i4 = int_add(i0, i1)
i5 = int_sub(i1, 1)
i6 = int_gt(i5, 0)
guard_true(i6, descr=<resume 9>) [i4, i5]
jump(i4, i5, descr=<loop 0>)
";

#[test]
fn loop_runs_until_guard_fails() {
    let _w = World::install(true);
    let mut p = Pair::new(GcKind::Generational);
    p.be.set_keep_ir(true);
    let id = p.add_loop(COUNT);
    let ir = p.be.trace(id).ir().unwrap();
    if std::env::var_os("SHOW_IR").is_some() {
        eprintln!("{ir}");
    }
    assert!(ir.contains("return_call_indirect"), "{ir}");
    for n in [1, 2, 10, 1000] {
        let exit = p.check(id, &ints(&[0, n]));
        match exit {
            Exit::GuardFailed {
                resume,
                values,
                guard,
            } => {
                assert_eq!(resume, ResumeId(9));
                assert_eq!(guard, GuardRef { trace: id, op: 4 });
                assert_eq!(values, ints(&[n * (n + 1) / 2, 0]));
            }
            other => panic!("{other:?}"),
        }
    }
    assert_eq!(p.be.frame_slots(), 2);
}

const EVEN_ODD: &str = "[i0, i1]
label(i0, i1, descr=<loop 0>)
i3 = int_ge(i0, 10)
guard_false(i3, descr=<resume 1>) [i1]
i5 = int_and(i0, 1)
guard_false(i5, descr=<resume 2>) [i0, i1]
i7 = int_add(i0, 1)
i8 = int_add(i1, 1)
jump(i7, i8, descr=<loop 0>)
";

#[test]
fn bridge_attached_to_a_guard_jumps_back() {
    let _w = World::install(true);
    let mut p = Pair::new(GcKind::Generational);
    let id = p.add_loop(EVEN_ODD);
    // Before the bridge: the odd guard fails at 1.
    assert_eq!(
        p.check(id, &ints(&[0, 0])),
        Exit::GuardFailed {
            guard: GuardRef { trace: id, op: 4 },
            resume: ResumeId(2),
            values: ints(&[1, 1])
        }
    );
    let bridge = p.add_bridge(
        GuardRef { trace: id, op: 4 },
        "[i0, i1]\ni2 = int_add(i0, 1)\ni3 = int_add(i1, 100)\njump(i2, i3, descr=<loop 0>)\n",
    );
    assert_eq!(p.be.bridge(GuardRef { trace: id, op: 4 }), Some(bridge));
    for start in [0, 1, 5, 11] {
        p.check(id, &ints(&[start, 0]));
    }
    assert_eq!(
        p.check(id, &ints(&[0, 0])),
        Exit::GuardFailed {
            guard: GuardRef { trace: id, op: 2 },
            resume: ResumeId(1),
            values: ints(&[5 + 500])
        }
    );
}

#[test]
fn bridge_with_its_own_guard_and_nested_bridge() {
    let _w = World::install(true);
    let mut p = Pair::new(GcKind::Generational);
    let id = p.add_loop(EVEN_ODD);
    let b1 = p.add_bridge(
        GuardRef { trace: id, op: 4 },
        "[i0, i1]\ni2 = int_lt(i0, 7)\nguard_true(i2, descr=<resume 5>) [i0, i1]\ni4 = int_add(i0, 1)\ni5 = int_add(i1, 100)\njump(i4, i5, descr=<loop 0>)\n",
    );
    assert_eq!(
        p.check(id, &ints(&[0, 0])),
        Exit::GuardFailed {
            guard: GuardRef { trace: b1, op: 1 },
            resume: ResumeId(5),
            values: ints(&[7, 304])
        }
    );
    p.add_bridge(
        GuardRef { trace: b1, op: 1 },
        "[i0, i1]\ni2 = int_mul(i1, 2)\nfinish(i2)\n",
    );
    assert_eq!(
        p.check(id, &ints(&[0, 0])),
        Exit::Finished(Some(Const::Int(608)))
    );
}

#[test]
fn jump_to_another_loop() {
    let _w = World::install(true);
    let mut p = Pair::new(GcKind::Generational);
    // Loop 1 sums i1 down to zero, then finishes with the sum.
    let l1 = p.add_loop(
        "[i0, i1]\nlabel(i0, i1, descr=<loop 1>)\ni2 = int_is_zero(i1)\nguard_false(i2, descr=<resume 1>) [i0]\ni4 = int_add(i0, i1)\ni5 = int_sub(i1, 1)\njump(i4, i5, descr=<loop 1>)\n",
    );
    p.add_bridge(GuardRef { trace: l1, op: 2 }, "[i0]\nfinish(i0)\n");
    // Loop 2 doubles i0 a few times and then jumps into loop 1.
    let l2 = p.add_loop(
        "[i0, f1]\nlabel(i0, f1, descr=<loop 2>)\ni2 = int_mul(i0, 2)\nf3 = float_add(f1, 1.0)\ni4 = int_lt(i2, 50)\nguard_true(i4, descr=<resume 2>) [i2, f3]\njump(i2, f3, descr=<loop 2>)\n",
    );
    p.add_bridge(
        GuardRef { trace: l2, op: 4 },
        "[i0, f1]\ni2 = cast_float_to_int(f1)\njump(i2, i0, descr=<loop 1>)\n",
    );
    for x in [1, 3, 7, 60] {
        p.check(l2, &[Const::Int(x), Const::Float(0.0)]);
    }
    // Enter loop 1 at its label directly.
    let mut frame = vec![0u64; p.be.frame_slots()];
    frame[0] = 5;
    frame[1] = 4;
    let e = unsafe { p.be.execute_label(TargetToken(1), &mut frame) }.unwrap();
    assert!(matches!(p.be.exit(e).kind, ExitKind::Finish { .. }));
    assert_eq!(frame[0], 5 + 4 + 3 + 2 + 1);
}

#[test]
fn preamble_and_loop_labels() {
    let _w = World::install(true);
    let mut p = Pair::new(GcKind::Generational);
    // Two labels in one trace (a peeled loop): entry 1 and entry 2.
    let id = p.add_loop(
        "[i0, i1]
label(i0, i1, descr=<loop 10>)
i3 = int_add(i0, 1000)
label(i3, i1, descr=<loop 11>)
i5 = int_sub(i1, 1)
i6 = int_add(i3, i1)
i7 = int_gt(i5, 0)
guard_true(i7, descr=<resume 3>) [i6, i5]
jump(i6, i5, descr=<loop 11>)
",
    );
    p.check(id, &ints(&[1, 10]));
    let mut frame = vec![0u64; p.be.frame_slots()];
    frame[0] = 1;
    frame[1] = 3;
    let e = unsafe { p.be.execute_label(TargetToken(11), &mut frame) }.unwrap();
    assert_eq!(p.be.exit_values(e, &frame), ints(&[1 + 3 + 2 + 1, 0]));
}

#[test]
fn guard_class_value_null() {
    let _w = World::install(true);
    let w = world();
    let obj = w.alloc(7, 16);
    let other = w.alloc(8, 16);
    let mut p = Pair::new(GcKind::Generational);
    let id = p.add_loop(
        "[p0, f1, i2]\nguard_nonnull_class(p0, 7) [f1]\nguard_value(f1, 2.5) [p0]\nguard_class(p0, 7) [i2]\nguard_value(i2, -3) [p0, i2]\ni5 = gettypeid(p0)\nf6 = float_mul(f1, 2.0)\nfinish(f6)\n",
    );
    p.check(id, &[Const::Ref(obj), Const::Float(2.5), Const::Int(-3)]);
    for (q, f, i) in [
        (other, 2.5, -3),
        (0, 2.5, -3),
        (obj, 1.0, -3),
        (obj, -2.5, -3),
        (obj, 2.5, 3),
    ] {
        assert!(matches!(
            p.check(id, &[Const::Ref(q), Const::Float(f), Const::Int(i)]),
            Exit::GuardFailed { .. }
        ));
    }
    let id = p.add_loop(
        "[p0, p1]\nguard_nonnull(p0) [p1]\nguard_isnull(p1) [p0]\ni2 = ptr_eq(p0, p1)\ni3 = ptr_ne(p0, NULL)\ni4 = int_add(i2, i3)\nfinish(i4)\n",
    );
    for (a, b) in [(obj, 0), (0, 0), (obj, obj), (obj, other)] {
        p.check(id, &[Const::Ref(a), Const::Ref(b)]);
    }
}

#[test]
fn ref_constants_come_from_the_pool() {
    let _w = World::install(true);
    let w = world();
    let obj = w.alloc(7, 24);
    w.set_word(obj, 8, 41);
    let mut p = Pair::new(GcKind::Generational);
    let text = format!(
        "[p0]\ni1 = ptr_eq(p0, ConstPtr({obj:#x}))\ni2 = getfield_gc_i(ConstPtr({obj:#x}), descr=<field N.x +8 i8>)\nguard_value(p0, ConstPtr({obj:#x})) [i1, i2]\nfinish(i2)\n"
    );
    let id = p.add_loop(&text);
    p.check(id, &[Const::Ref(obj)]);
    p.check(id, &[Const::Ref(0)]);
    let (pool, len) = p.be.const_pool(id);
    assert_eq!(len, 1);
    assert_eq!(unsafe { *pool }, obj);
}

#[test]
fn loops_jumping_to_each_other_do_not_grow_the_stack() {
    let _w = World::install(true);
    let mut p = Pair::new(GcKind::Generational);
    // C counts i0 down; on odd i0 its guard fails into a bridge that
    // jumps to loop D, which jumps back to C: every odd step is two tail
    // calls (a call per step would overflow the test thread's stack).
    let c = p.add_loop(
        "[i0, i1]\nlabel(i0, i1, descr=<loop 30>)\ndebug_merge_point(\"C\")\ni2 = int_gt(i0, 0)\nguard_true(i2, descr=<resume 3>) [i0, i1]\ni3 = int_and(i0, 1)\nguard_false(i3, descr=<resume 4>) [i0, i1]\ni4 = int_sub(i0, 1)\ni5 = int_add(i1, 1)\njump(i4, i5, descr=<loop 30>)\n",
    );
    let d = p.add_loop(
        "[i0, i1]\nlabel(i0, i1, descr=<loop 31>)\ni2 = int_sub(i0, 1)\ni3 = int_add(i1, 2)\njump(i2, i3, descr=<loop 30>)\n",
    );
    p.add_bridge(
        GuardRef { trace: c, op: 5 },
        "[i0, i1]\njump(i0, i1, descr=<loop 31>)\n",
    );
    let expect = |n: i64| -> Exit {
        let total: i64 = (1..=n).map(|k| if k % 2 == 1 { 2 } else { 1 }).sum();
        Exit::GuardFailed {
            guard: GuardRef { trace: c, op: 3 },
            resume: ResumeId(3),
            values: ints(&[0, total]),
        }
    };
    assert_eq!(p.check(c, &ints(&[10_001, 0])), expect(10_001));
    assert_eq!(
        p.check(d, &ints(&[10_001, 0])),
        expect(10_000).clone_with_total(2)
    );
    assert_eq!(p.compiled(c, &ints(&[2_000_001, 0])), expect(2_000_001));
}

trait WithTotal {
    fn clone_with_total(&self, extra: i64) -> Exit;
}

impl WithTotal for Exit {
    fn clone_with_total(&self, extra: i64) -> Exit {
        match self {
            Exit::GuardFailed {
                guard,
                resume,
                values,
            } => Exit::GuardFailed {
                guard: *guard,
                resume: *resume,
                values: vec![values[0], Const::Int(values[1].as_int().unwrap() + extra)],
            },
            other => other.clone(),
        }
    }
}

#[test]
fn bridge_inputs_of_every_kind() {
    let _w = World::install(true);
    let w = world();
    let obj = w.alloc(7, 24);
    w.set_word(obj, 8, 17);
    let mut p = Pair::new(GcKind::Generational);
    let id = p.add_loop(
        "[i0, f1, p2]\nlabel(i0, f1, p2, descr=<loop 40>)\nf3 = float_add(f1, 0.5)\ni4 = int_sub(i0, 1)\ni5 = int_gt(i4, 0)\nguard_true(i5, descr=<resume 1>) [p2, f3, i4, 2.25, NULL]\njump(i4, f3, p2, descr=<loop 40>)\n",
    );
    p.add_bridge(
        GuardRef { trace: id, op: 4 },
        "[p0, f1, i2, f3, p4]\ni5 = getfield_gc_i(p0, descr=<field N.x +8 i8>)\nf6 = float_mul(f1, f3)\ni7 = cast_float_to_int(f6)\ni8 = int_add(i5, i7)\ni9 = ptr_eq(p4, NULL)\ni10 = int_add(i8, i9)\nfinish(i10)\n",
    );
    assert_eq!(
        p.check(id, &[Const::Int(4), Const::Float(1.0), Const::Ref(obj)]),
        Exit::Finished(Some(Const::Int(17 + 6 + 1)))
    );
}

#[test]
fn prebuilt_constants_are_embedded() {
    let _w = World::install(true);
    let w = world();
    let pre = w.alloc(7, 24);
    let other = w.alloc(7, 24);
    w.set_word(pre, 8, 3);
    w.set_word(other, 8, 4);
    let mut env = w.env(GcKind::Generational);
    env.prebuilt.push((pre, pre + 24));
    let mut p = Pair::new(GcKind::Generational);
    p.be = rpy_jitbackend::Backend::new(env).unwrap();
    let id = p.add_loop(&format!(
        "[i0]\ni1 = getfield_gc_i(ConstPtr({pre:#x}), descr=<field N.x +8 i8>)\ni2 = getfield_gc_i(ConstPtr({other:#x}), descr=<field N.x +8 i8>)\ni3 = int_mul(i1, i2)\nfinish(i3)\n"
    ));
    assert_eq!(
        p.check(id, &ints(&[0])),
        Exit::Finished(Some(Const::Int(12)))
    );
    let (pool, len) = p.be.const_pool(id);
    assert_eq!((len, unsafe { *pool }), (1, other));
}

#[test]
fn compile_errors() {
    let _w = World::install(true);
    let mut p = Pair::new(GcKind::Generational);
    let t = parse("[i0]\njump(i0, descr=<loop 77>)\n", &mut p.descrs);
    let e = p.be.compile_loop(&t, &p.descrs).unwrap_err();
    assert_eq!((e.op, e.msg.as_str()), (Some(0), "unknown jump target 77"));
    let id = p.add_loop(COUNT);
    let t = parse("[i0, i1]\nfinish(i0)\n", &mut p.descrs);
    let e =
        p.be.compile_bridge(GuardRef { trace: id, op: 1 }, &t, &p.descrs)
            .unwrap_err();
    assert_eq!(e.msg, "op 1 of trace0 is not a guard");
    p.be.compile_bridge(GuardRef { trace: id, op: 4 }, &t, &p.descrs)
        .unwrap();
    let e =
        p.be.compile_bridge(GuardRef { trace: id, op: 4 }, &t, &p.descrs)
            .unwrap_err();
    assert_eq!(e.msg, "guard 4 of trace0 already has a bridge");
    let e =
        p.be.compile_loop(&parse(COUNT, &mut p.descrs), &p.descrs)
            .unwrap_err();
    assert_eq!(
        (e.op, e.msg.as_str()),
        (Some(0), "label token 0 is already compiled")
    );
    // Failed compilations leave no trace behind: the next id is the next.
    let t = parse("[i0]\nfinish(i0)\n", &mut p.descrs);
    let next = p.be.compile_loop(&t, &p.descrs).unwrap();
    assert_eq!(next.as_u32(), 2);
    assert_eq!(
        p.be.exit_values(rpy_jitbackend::ExitId(0), &[5, 6]),
        ints(&[5, 6])
    );
}
